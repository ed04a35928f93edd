package io.baseplane.saga.testing;

import io.baseplane.saga.notification.Notification;
import io.baseplane.saga.notification.Notifier;
import java.util.ArrayList;
import java.util.List;

/** Test double for the notifier port: keeps what it was asked to send, or fails when told to. */
public final class RecordingNotifier implements Notifier {

    private final List<Notification> sent = new ArrayList<>();
    private RuntimeException failure;

    public void failWith(RuntimeException failure) {
        this.failure = failure;
    }

    public List<Notification> sent() {
        return sent;
    }

    @Override
    public void notify(Notification notification) {
        if (failure != null) {
            throw failure;
        }
        sent.add(notification);
    }
}
