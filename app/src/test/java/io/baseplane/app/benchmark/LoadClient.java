package io.baseplane.app.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * A small HTTP load generator over loopback: a fixed pool of sender threads, each with its own
 * {@link HttpClient} (one keep-alive connection each), bounded in time, warm-up excluded. Latencies are
 * recorded per request and reported as percentiles of the sorted samples.
 */
final class LoadClient {

    /** What one measured phase achieved. */
    record Result(long requests, long errors, double seconds, double[] sortedMillis) {

        double perSecond() {
            return requests / seconds;
        }

        double percentile(double p) {
            if (sortedMillis.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p / 100.0 * sortedMillis.length) - 1;
            return sortedMillis[Math.max(0, Math.min(sortedMillis.length - 1, index))];
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "%,.0f req/s, p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, "
                    + "%d errors of %d", perSecond(), percentile(50), percentile(95), percentile(99), errors, requests);
        }
    }

    private final int threads;
    private final Duration warmUp;
    private final Duration measured;

    LoadClient(int threads, Duration warmUp, Duration measured) {
        this.threads = threads;
        this.warmUp = warmUp;
        this.measured = measured;
    }

    /** As fast as the senders can: each sends its next request when the previous one answered. */
    Result closedLoop(IntFunction<HttpRequest> requests) throws Exception {
        return run(requests, 0);
    }

    /**
     * At a fixed total rate, spread over the senders; a request's latency counts from when it was due, so a
     * server that falls behind is not flattered by the senders waiting (no coordinated omission).
     */
    Result openLoop(IntFunction<HttpRequest> requests, double perSecond) throws Exception {
        return run(requests, perSecond);
    }

    private Result run(IntFunction<HttpRequest> requests, double perSecond) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger sequence = new AtomicInteger();
        long start = System.nanoTime();
        long measureFrom = start + warmUp.toNanos();
        long end = measureFrom + measured.toNanos();
        try {
            List<Future<long[]>> senders = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int sender = t;
                senders.add(pool.submit(() -> send(requests, sequence, sender, perSecond, start, measureFrom, end)));
            }
            long requestsDone = 0;
            long errors = 0;
            List<long[]> all = new ArrayList<>();
            for (Future<long[]> sender : senders) {
                long[] samples = sender.get();
                // The last two slots hold the request and error counts of the measured window.
                requestsDone += samples[samples.length - 2];
                errors += samples[samples.length - 1];
                all.add(Arrays.copyOf(samples, samples.length - 2));
            }
            double[] millis = all.stream().flatMapToLong(Arrays::stream).mapToDouble(n -> n / 1e6).sorted().toArray();
            return new Result(requestsDone, errors, measured.toNanos() / 1e9, millis);
        } finally {
            pool.shutdownNow();
        }
    }

    private long[] send(IntFunction<HttpRequest> requests, AtomicInteger sequence, int sender, double perSecond,
                        long start, long measureFrom, long end) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        long interval = perSecond > 0 ? (long) (1e9 * threads / perSecond) : 0;
        long due = start + (interval > 0 ? interval * sender / threads : 0);
        long[] samples = new long[1024];
        int count = 0;
        long measuredRequests = 0;
        long errors = 0;
        while (true) {
            if (interval > 0) {
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
            }
            long sent = interval > 0 ? due : System.nanoTime();
            if (sent >= end) {
                break;
            }
            boolean ok;
            try {
                HttpResponse<Void> response = client.send(requests.apply(sequence.getAndIncrement()),
                        HttpResponse.BodyHandlers.discarding());
                ok = response.statusCode() / 100 == 2;
            } catch (java.io.IOException e) {
                ok = false;
            }
            long done = System.nanoTime();
            if (sent >= measureFrom && done <= end + Duration.ofSeconds(1).toNanos()) {
                measuredRequests++;
                if (!ok) {
                    errors++;
                }
                if (count == samples.length) {
                    samples = Arrays.copyOf(samples, count * 2);
                }
                samples[count++] = done - sent;
            }
            due += interval;
        }
        long[] result = Arrays.copyOf(samples, count + 2);
        result[count] = measuredRequests;
        result[count + 1] = errors;
        return result;
    }

    static HttpRequest.Builder request(int port, String path, String token) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token);
    }
}
