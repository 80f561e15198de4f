package app.medianest.server.config;

/**
 * One configuration setting: its key in {@code application.yaml} / the data-directory config file, the
 * environment variable that overrides it, and its built-in default ({@code null} when derived at start).
 */
public record Setting(String key, String env, String defaultValue, String description) {

    /** The name a user recognises in an error line: the environment variable and the file key. */
    public String displayName() {
        return env + " (" + key + ")";
    }
}
