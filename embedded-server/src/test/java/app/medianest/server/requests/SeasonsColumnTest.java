package app.medianest.server.requests;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The seasons column reads back exactly what was written, and a damaged value is refused, not misread. */
class SeasonsColumnTest {

    @Test
    void seasonsReadBackAsWritten() {
        for (List<Integer> seasons : List.of(List.of(1), List.of(1, 2), List.of(3, 10, 112))) {
            assertEquals(seasons, MediaRequestRepository.parseSeasons(MediaRequestRepository.seasonsJson(seasons)));
        }
        assertNull(MediaRequestRepository.seasonsJson(List.of()));
        assertEquals(List.of(), MediaRequestRepository.parseSeasons(null));
        assertEquals(List.of(), MediaRequestRepository.parseSeasons("[]"));
        assertEquals(List.of(2, 4), MediaRequestRepository.parseSeasons("[ 2, 4 ]"));
    }

    @Test
    void aDamagedValueIsRefused() {
        for (String bad : List.of("[1,,2]", "[1,]", "[,1]", "[a]", "[1.5]", "[ ]")) {
            assertThrows(NumberFormatException.class, () -> MediaRequestRepository.parseSeasons(bad), bad);
        }
    }
}
