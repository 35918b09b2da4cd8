package xs.realtime.redis;

/**
 * The Lua scripts of the Redis broker. Redis runs each one atomically, which is what keeps
 * several nodes consistent: history and pub/sub get the same order, a join is counted once,
 * and a dead node is cleaned by exactly one survivor. Sent with EVAL every time (Redis caches
 * the compiled script by its hash): a restarted Redis has forgotten any script loaded before.
 */
final class Scripts {
    /**
     * Appends to a channel's history, trims it and publishes the delivery, in one step.
     * KEYS[1] history list; ARGV[1] pub/sub channel, ARGV[2] delivery, ARGV[3] limit, ARGV[4] entry.
     */
    static final String PUBLISH_KEPT = """
        redis.call('RPUSH', KEYS[1], ARGV[4])
        redis.call('LTRIM', KEYS[1], -tonumber(ARGV[3]), -1)
        return redis.call('PUBLISH', ARGV[1], ARGV[2])
        """;

    /** Appends to a history without publishing. KEYS[1] history list; ARGV[1] limit, ARGV[2] entry. */
    static final String KEEP = """
        redis.call('RPUSH', KEYS[1], ARGV[2])
        redis.call('LTRIM', KEYS[1], -tonumber(ARGV[1]), -1)
        return 1
        """;

    /**
     * Adds a member unless present, stamped with the next join number and its node.
     * KEYS[1] presence hash, KEYS[2] the node's channel set, KEYS[3] join counter;
     * ARGV[1] socketId, ARGV[2] node, ARGV[3] client json, ARGV[4] channel.
     */
    static final String ADD = """
        if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 1 then return 0 end
        local seq = redis.call('INCR', KEYS[3])
        redis.call('HSET', KEYS[1], ARGV[1], seq .. '|' .. ARGV[2] .. '|' .. ARGV[3])
        redis.call('SADD', KEYS[2], ARGV[4])
        return 1
        """;

    /** The node of a presence value "seq|node|json", and where the json starts. */
    private static final String SPLIT = """
        local function split(v)
          local a = string.find(v, '|', 1, true)
          local b = string.find(v, '|', a + 1, true)
          return string.sub(v, a + 1, b - 1), b + 1
        end
        """;

    /**
     * Makes Redis hold exactly this node's given members of one channel (after a reconnection:
     * joins and leaves during the outage were not written, and a restarted Redis has nothing).
     * KEYS[1] presence hash, KEYS[2] the node's channel set, KEYS[3] join counter;
     * ARGV[1] node, ARGV[2] channel, then pairs socketId, client json, in join order.
     */
    static final String SYNC = SPLIT + """
        local wanted = {}
        for i = 3, #ARGV, 2 do wanted[ARGV[i]] = true end
        local present = {}
        local all = redis.call('HGETALL', KEYS[1])
        for i = 1, #all, 2 do
          local node = split(all[i + 1])
          if node == ARGV[1] then
            if wanted[all[i]] then present[all[i]] = true else redis.call('HDEL', KEYS[1], all[i]) end
          end
        end
        for i = 3, #ARGV, 2 do
          if not present[ARGV[i]] then
            local seq = redis.call('INCR', KEYS[3])
            redis.call('HSET', KEYS[1], ARGV[i], seq .. '|' .. ARGV[1] .. '|' .. ARGV[i + 1])
          end
        end
        if #ARGV > 2 then redis.call('SADD', KEYS[2], ARGV[2]) else redis.call('SREM', KEYS[2], ARGV[2]) end
        return 1
        """;

    /**
     * Removes a node and all its members, once: only the caller whose SREM succeeds does the work,
     * and leaves a mark that the node was reaped. Returns channel, client json, channel, client
     * json, … of the members removed.
     * KEYS[1] node set, KEYS[2] the node's channel set, KEYS[3] the node's reaped mark;
     * ARGV[1] node, ARGV[2] presence key prefix.
     */
    static final String REAP = SPLIT + """
        if redis.call('SREM', KEYS[1], ARGV[1]) == 0 then return {} end
        redis.call('SET', KEYS[3], '1', 'EX', 3600)
        local gone = {}
        for _, ch in ipairs(redis.call('SMEMBERS', KEYS[2])) do
          local key = ARGV[2] .. ch
          local all = redis.call('HGETALL', key)
          for i = 1, #all, 2 do
            local node, json = split(all[i + 1])
            if node == ARGV[1] then
              redis.call('HDEL', key, all[i])
              table.insert(gone, ch)
              table.insert(gone, string.sub(all[i + 1], json))
            end
          end
        end
        redis.call('DEL', KEYS[2])
        return gone
        """;

    private Scripts() {
    }
}
