package app.medianest.server.seed;

/**
 * What to seed.
 *
 * @param users      users to create (at least 1)
 * @param requests   media requests to create
 * @param downloads  YouTube download rows to create
 * @param append     add to a non-empty database instead of refusing
 * @param password   password of every seeded user (for load tests), or null for accounts that cannot sign in
 * @param randomSeed seed of the generator, so a run can be repeated exactly
 */
public record SeedPlan(int users, int requests, int downloads, boolean append, String password, long randomSeed) {
    public SeedPlan {
        if (users < 1 || users > 1_000_000) {
            throw new IllegalArgumentException("--users must be between 1 and 1000000 (was " + users + ")");
        }
        if (requests < 0 || requests > 10_000_000) {
            throw new IllegalArgumentException("--requests must be between 0 and 10000000 (was " + requests + ")");
        }
        if (downloads < 0 || downloads > 1_000_000) {
            throw new IllegalArgumentException("--downloads must be between 0 and 1000000 (was " + downloads + ")");
        }
    }

    static SeedPlan parse(String[] args) {
        int users = 100;
        int requests = 1_000;
        int downloads = 0;
        boolean append = false;
        String password = null;
        long seed = 42;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--append" -> append = true;
                case "--users" -> users = intArg(args, ++i, a);
                case "--requests" -> requests = intArg(args, ++i, a);
                case "--downloads" -> downloads = intArg(args, ++i, a);
                case "--password" -> password = strArg(args, ++i, a);
                case "--random-seed" -> seed = intArg(args, ++i, a);
                default -> throw new IllegalArgumentException("seed: unknown option '" + a + "'");
            }
        }
        return new SeedPlan(users, requests, downloads, append, password, seed);
    }

    private static String strArg(String[] args, int i, String name) {
        if (i >= args.length) {
            throw new IllegalArgumentException("seed: " + name + " needs a value");
        }
        return args[i];
    }

    private static int intArg(String[] args, int i, String name) {
        String v = strArg(args, i, name);
        try {
            return Integer.parseInt(v.replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("seed: " + name + " must be a whole number (was '" + v + "')");
        }
    }
}
