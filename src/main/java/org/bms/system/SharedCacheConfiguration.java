package org.bms.system;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.cache.CacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.cache.RedisCacheConfiguration;
import org.springframework.data.redis.cache.RedisCacheManager;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * With {@code REDIS_URL} set, the caches (computed batch totals) live in Redis, shared by every instance; without
 * it they stay in each instance's memory. Redis is a help, never a dependency: a command that Redis does not
 * answer within {@link #TIMEOUT} fails at once (the caller computes instead), nothing waits for a reconnection,
 * and its health component says UNKNOWN, not DOWN, so an instance stays ready without it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${bms.cache.redis-url:}' != ''")
class SharedCacheConfiguration {

    static final Duration TIMEOUT = Duration.ofMillis(500);
    private static final Duration ENTRY_TTL = Duration.ofMinutes(10);

    @Bean
    LettuceConnectionFactory redisConnectionFactory(@Value("${bms.cache.redis-url}") String url) {
        RedisURI uri = RedisURI.create(url);
        LettuceClientConfiguration client = LettuceClientConfiguration.builder()
                .commandTimeout(TIMEOUT)
                .clientOptions(ClientOptions.builder()
                        .socketOptions(
                                SocketOptions.builder().connectTimeout(TIMEOUT).build())
                        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                        .build())
                .build();
        return new LettuceConnectionFactory(LettuceConnectionFactory.createRedisConfiguration(uri), client);
    }

    @Bean
    CacheManager cacheManager(RedisConnectionFactory redis) {
        return RedisCacheManager.builder(redis)
                .cacheDefaults(RedisCacheConfiguration.defaultCacheConfig()
                        .entryTtl(ENTRY_TTL)
                        .prefixCacheNameWith("bms:"))
                .build();
    }

    /** {@code redis}: UP while Redis answers; UNKNOWN, which leaves the overall status alone, while it does not. */
    @Bean
    HealthIndicator redisHealthIndicator(RedisConnectionFactory redis) {
        return () -> {
            try (RedisConnection connection = redis.getConnection()) {
                return Health.up().withDetail("ping", connection.ping()).build();
            } catch (RuntimeException e) {
                return Health.unknown()
                        .withDetail("reason", "Redis cannot be reached; totals are computed by each instance")
                        .build();
            }
        };
    }
}
