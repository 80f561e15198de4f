package app.medianest.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Wire values as clients and the database give them: any case accepted, anything else refused by name. */
class WireEnumTest {

    @Test
    void everyConstantReadsBackFromItsWireValueInAnyCase() {
        for (RequestStatus s : RequestStatus.values()) {
            assertEquals(s, RequestStatus.parse(s.wire()));
            assertEquals(s, RequestStatus.parse(s.wire().toUpperCase(java.util.Locale.ROOT)));
        }
        assertEquals(MediaType.TV, MediaType.parse("Tv"));
        assertEquals(MediaType.MOVIE, MediaType.parse("movie"));
    }

    @Test
    void anUnknownValueIsRefusedNamingTheAllowedOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MediaType.parse("book"));
        assertTrue(e.getMessage().contains("movie") && e.getMessage().contains("tv")
                && e.getMessage().contains("'book'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MediaType.parse(null));
    }
}
