package app.medianest.loadtest.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoadProfileTest {

    private final LoadProfile strategy = new LoadProfile(20, Duration.ofMinutes(2), Duration.ofMinutes(10),
            Duration.ofSeconds(40));

    @Test
    void usersStartEvenlyOverTheRampUp() {
        assertEquals(Duration.ZERO, strategy.startOffset(0));
        assertEquals(Duration.ofSeconds(6), strategy.startOffset(1));
        assertEquals(Duration.ofSeconds(114), strategy.startOffset(19));
        assertEquals(1, strategy.plannedActiveUsers(Duration.ofSeconds(5)));
        assertEquals(10, strategy.plannedActiveUsers(Duration.ofSeconds(59)));
        assertEquals(20, strategy.plannedActiveUsers(Duration.ofMinutes(2)));
    }

    @Test
    void allUsersRunThroughTheSustainAndStopInReverseOrder() {
        assertEquals(20, strategy.plannedActiveUsers(Duration.ofMinutes(12).minusMillis(1)));
        assertEquals(Duration.ofMinutes(12).plusSeconds(2), strategy.stopOffset(19), "last started stops first");
        assertEquals(strategy.total(), strategy.stopOffset(0), "first started runs to the end");
        assertEquals(10, strategy.plannedActiveUsers(Duration.ofMinutes(12).plusSeconds(21)));
        assertEquals(0, strategy.plannedActiveUsers(strategy.total()));
    }

    @Test
    void phasesFollowTheOffsets() {
        assertEquals(Phase.RAMP_UP, strategy.phaseAt(Duration.ofSeconds(119)));
        assertEquals(Phase.SUSTAIN, strategy.phaseAt(Duration.ofMinutes(2)));
        assertEquals(Phase.RAMP_DOWN, strategy.phaseAt(Duration.ofMinutes(12)));
    }

    @Test
    void withoutRampsEveryoneRunsTheWholeTime() {
        LoadProfile flat = new LoadProfile(4, Duration.ZERO, Duration.ofSeconds(10), Duration.ZERO);
        assertEquals(4, flat.plannedActiveUsers(Duration.ZERO));
        assertEquals(Duration.ofSeconds(10), flat.stopOffset(3));
    }

    @Test
    void rejectsNonsense() {
        assertThrows(IllegalArgumentException.class,
                () -> new LoadProfile(0, Duration.ZERO, Duration.ofSeconds(1), Duration.ZERO));
    }
}
