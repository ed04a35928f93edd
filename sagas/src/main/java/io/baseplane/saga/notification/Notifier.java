package io.baseplane.saga.notification;

/**
 * Sends a notification on a saga's behalf. Implementations throw when the notification cannot be
 * accepted, so the saga can compensate; accepting it need not mean it was delivered yet.
 */
public interface Notifier {

    void notify(Notification notification);
}
