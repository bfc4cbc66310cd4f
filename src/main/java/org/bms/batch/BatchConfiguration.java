package org.bms.batch;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The batch total's own fork/join pool, apart from the common pool that the rest of the JVM shares. */
@Configuration(proxyBeanMethods = false)
class BatchConfiguration {

    static final String POOL = "batchTotalPool";

    @Bean(name = POOL, destroyMethod = "shutdownNow")
    ForkJoinPool batchTotalPool(BatchProperties properties) {
        // The pool index is not known before the pool registers the thread, so the names count on their own.
        var count = new AtomicInteger();
        ForkJoinPool.ForkJoinWorkerThreadFactory named = pool -> {
            ForkJoinWorkerThread thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
            thread.setName("batch-" + count.getAndIncrement());
            return thread;
        };
        return new ForkJoinPool(properties.effectiveParallelism(), named, null, false);
    }

    /** How long each computed run of a batch job took: {@code bms.batch.duration}, tagged with the job. */
    static Timer duration(MeterRegistry meters, String job) {
        return Timer.builder("bms.batch.duration")
                .description("How long a batch job took to compute")
                .tag("job", job)
                .publishPercentileHistogram()
                .register(meters);
    }
}
