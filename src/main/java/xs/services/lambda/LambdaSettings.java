package xs.services.lambda;

import java.nio.file.Path;
import java.util.Map;

/**
 * How lambdas run: the Deno binary (or why there is none), the folder the workers may read and
 * write (a fresh temporary one when null), Deno's module cache, how many workers may run at once,
 * their memory and console-output limits, and the npm registry {@code npm:} imports come from
 * (Deno's default, registry.npmjs.org, when null).
 *
 * @param deno the binary, or null when there is none ({@code missing} then says why)
 */
public record LambdaSettings(Path deno, String missing, Path workRoot, Path cacheDir, int maxWorkers, int memoryMb,
                             long outputLimitBytes, String registry, long startTimeoutMillis) {

    public static final int DEFAULT_WORKERS = 8;
    public static final int DEFAULT_MEMORY_MB = 256;
    public static final long DEFAULT_OUTPUT_LIMIT = 1024 * 1024;

    public LambdaSettings {
        if (maxWorkers < 1) {
            throw new IllegalArgumentException("maxWorkers must be at least 1");
        }
    }

    /**
     * The settings a command-line run uses: Deno from {@code XS_DENO}, PATH or target/deno;
     * Deno's usual cache ({@code DENO_DIR}, else ~/.cache/deno), so npm packages download once per
     * machine; {@code XS_LAMBDA_WORKERS} and {@code XS_LAMBDA_MEMORY_MB} when set; the npm
     * registry of {@code NPM_CONFIG_REGISTRY}.
     */
    public static LambdaSettings fromEnvironment(Map<String, String> env) {
        Path deno = null;
        String missing = null;
        try {
            deno = DenoBinary.locate(env).orElse(null);
            if (deno == null) {
                missing = DenoBinary.INSTALL_HINT;
            }
        } catch (DenoBinary.Misconfigured e) {
            missing = "api.lambda cannot run: " + e.getMessage();
        }
        return new LambdaSettings(deno, missing, null, cacheDir(env),
            positive(env, "XS_LAMBDA_WORKERS", DEFAULT_WORKERS), positive(env, "XS_LAMBDA_MEMORY_MB", DEFAULT_MEMORY_MB),
            DEFAULT_OUTPUT_LIMIT, registry(env), 30_000);
    }

    private static Path cacheDir(Map<String, String> env) {
        String denoDir = env.get("DENO_DIR");
        if (denoDir != null && !denoDir.isBlank()) {
            return Path.of(denoDir);
        }
        String xdg = env.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "deno");
        }
        String home = env.get("HOME");
        return home == null || home.isBlank() ? null : Path.of(home, ".cache", "deno");
    }

    private static String registry(Map<String, String> env) {
        String r = env.get("NPM_CONFIG_REGISTRY");
        if (r == null) {
            r = env.get("npm_config_registry");
        }
        return r == null || r.isBlank() ? null : r;
    }

    /** A whole number above 0 from the environment; anything else is reported once, and the default used. */
    private static int positive(Map<String, String> env, String name, int fallback) {
        String text = env.get(name);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(text.trim());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        System.err.println("xs: " + name + " is \"" + text + "\", not a whole number above 0; using " + fallback);
        return fallback;
    }

    /** The same settings with another binary (tests and benchmarks). */
    public LambdaSettings withDeno(Path binary) {
        return new LambdaSettings(binary, binary == null ? DenoBinary.INSTALL_HINT : null, workRoot, cacheDir,
            maxWorkers, memoryMb, outputLimitBytes, registry, startTimeoutMillis);
    }
}
