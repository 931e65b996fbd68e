/** Internal: no compatibility promise. What Faktory keeps in Redis, with Redis's type rules (the keyspace). */
package io.github.faktorytestkit.fake.model.redis;
