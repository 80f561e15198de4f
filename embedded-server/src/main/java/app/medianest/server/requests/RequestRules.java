package app.medianest.server.requests;

import app.medianest.model.MediaType;
import app.medianest.model.Role;

import java.util.Set;

/**
 * The household's request rules (the defaults every user follows unless overridden): a movie quota and a tv
 * quota, each a limit per rolling window of days (0 = unlimited; tv counts seasons), and the roles whose
 * requests are approved at once, per media type. Admins are always exempt from quotas.
 */
public record RequestRules(int movieLimit, int movieDays, int tvLimit, int tvDays, Set<Role> autoApproveMovie,
                           Set<Role> autoApproveTv) {
    /** No quota, nobody auto-approved: how MediaNest behaves until the admin sets rules. */
    public static final RequestRules NONE = new RequestRules(0, 7, 0, 7, Set.of(), Set.of());

    public RequestRules {
        autoApproveMovie = Set.copyOf(autoApproveMovie);
        autoApproveTv = Set.copyOf(autoApproveTv);
    }

    int limit(MediaType type) {
        return type == MediaType.MOVIE ? movieLimit : tvLimit;
    }

    int days(MediaType type) {
        return type == MediaType.MOVIE ? movieDays : tvDays;
    }

    boolean autoApproves(MediaType type, Role role) {
        return (type == MediaType.MOVIE ? autoApproveMovie : autoApproveTv).contains(role);
    }

    /**
     * One user's overrides; a null field follows the default.
     */
    public record UserOverrides(Integer movieLimit, Integer movieDays, Integer tvLimit, Integer tvDays,
                                Boolean autoApproveMovie, Boolean autoApproveTv) {
        public static final UserOverrides NONE = new UserOverrides(null, null, null, null, null, null);
    }

    /** The rules as they apply to one user of {@code role}. */
    public Effective effective(UserOverrides o, Role role) {
        return new Effective(role == Role.ADMIN,
                o.movieLimit() != null ? o.movieLimit() : movieLimit,
                o.movieDays() != null ? o.movieDays() : movieDays,
                o.tvLimit() != null ? o.tvLimit() : tvLimit,
                o.tvDays() != null ? o.tvDays() : tvDays,
                o.autoApproveMovie() != null ? o.autoApproveMovie() : autoApproves(MediaType.MOVIE, role),
                o.autoApproveTv() != null ? o.autoApproveTv() : autoApproves(MediaType.TV, role));
    }

    /** The rules for one user after overrides. */
    public record Effective(boolean exempt, int movieLimit, int movieDays, int tvLimit, int tvDays,
                            boolean autoApproveMovie, boolean autoApproveTv) {
        public int limit(MediaType type) {
            return type == MediaType.MOVIE ? movieLimit : tvLimit;
        }

        public int days(MediaType type) {
            return type == MediaType.MOVIE ? movieDays : tvDays;
        }

        public boolean autoApproves(MediaType type) {
            return type == MediaType.MOVIE ? autoApproveMovie : autoApproveTv;
        }
    }
}
