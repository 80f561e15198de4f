package app.medianest.server.portal;

import java.util.Map;

/** The one-line messages shown after a form post; the redirect names one by its code, never with free text. */
final class Notices {
    private static final Map<String, String> TEXT = Map.ofEntries(
            Map.entry("signed-out", "You are signed out."),
            Map.entry("signed-out-everywhere", "You are signed out on every device. Sign in again to continue."),
            Map.entry("password-changed", "Password changed. Every device was signed out; sign in with the new "
                    + "password."),
            Map.entry("requested", "Requested. You will see here when it is approved."),
            Map.entry("cancelled", "Request cancelled."),
            Map.entry("approved", "Approved."),
            Map.entry("declined", "Declined."),
            Map.entry("bulk-done", "Done: the selected requests were updated."),
            Map.entry("bulk-partial", "Some of the selected requests could not be changed: they were no longer "
                    + "pending."),
            Map.entry("nothing-selected", "Nothing was selected."),
            Map.entry("user-updated", "User updated."),
            Map.entry("read", "Marked as read."),
            Map.entry("download-queued", "Download queued."),
            Map.entry("download-cancelled", "Download cancelled."),
            Map.entry("signed-in", "Signed in."),
            Map.entry("session-ended", "Your session ended. Please sign in again."));

    private Notices() {
    }

    /** The text for {@code code}; unknown codes show nothing. */
    static String text(String code) {
        return TEXT.get(code);
    }
}
