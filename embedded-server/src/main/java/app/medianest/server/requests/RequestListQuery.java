package app.medianest.server.requests;

import app.medianest.model.MediaType;
import app.medianest.model.RequestStatus;
import app.medianest.server.http.Exchange;
import app.medianest.server.http.ListParams;
import app.medianest.server.http.Validator;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * The query parameters of a request list, validated: {@code status}, {@code mediaType}, {@code search}
 * (title contains, up to 200 characters), {@code from}/{@code to} (createdAt range, {@code from} inclusive,
 * {@code to} exclusive; an ISO-8601 instant, date-time with offset, or date meaning its start in UTC), the
 * admin-only {@code userId}, and the paging parameters.
 */
record RequestListQuery(RequestFilter filter, ListParams page) {
    private static final Instant MIN = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant MAX = Instant.parse("9999-12-31T23:59:59Z");

    /** Parses the parameters; {@code withUserFilter} allows {@code userId} (admin list). */
    static RequestListQuery parse(Exchange ex, boolean withUserFilter) {
        Validator v = new Validator();
        ex.rejectRepeated(v, "limit", "cursor", "sort", "order", "status", "mediaType", "search", "from", "to",
                "userId");
        ListParams page = ListParams.parse(ex, v, MediaRequestRepository.SORTS.keySet(), "createdAt");
        RequestStatus status = ex.query("status").map(s -> v.parse("status", s, RequestStatus::parse)).orElse(null);
        MediaType type = ex.query("mediaType").map(s -> v.parse("mediaType", s, MediaType::parse)).orElse(null);
        String search = v.text("search", ex.query("search").orElse(null), 200);
        Instant from = ex.query("from").map(s -> v.parse("from", s, RequestListQuery::instant)).orElse(null);
        Instant to = ex.query("to").map(s -> v.parse("to", s, RequestListQuery::instant)).orElse(null);
        if (from != null && to != null && from.isAfter(to)) {
            v.fail("from", "must not be after to");
        }
        UUID user = null;
        if (withUserFilter) {
            user = ex.query("userId").map(s -> v.parse("userId", s, RequestListQuery::uuid)).orElse(null);
        }
        v.check();
        return new RequestListQuery(new RequestFilter(user, status, type, search == null || search.isBlank() ? null
                : search, from, to), page);
    }

    static Instant instant(String raw) {
        String s = raw.strip();
        Instant t;
        try {
            t = s.length() == 10 ? LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new IllegalArgumentException("must be an ISO-8601 instant such as 2025-06-01T00:00:00Z");
        }
        if (t.isBefore(MIN) || t.isAfter(MAX)) {
            throw new IllegalArgumentException("must be between the years 1 and 9999");
        }
        return t;
    }

    private static UUID uuid(String raw) {
        try {
            return UUID.fromString(raw.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("must be a user id (UUID)");
        }
    }
}
