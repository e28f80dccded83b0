package com.parkwatch.booking;

import com.parkwatch.lot.Occupancy;

import java.time.Clock;
import java.util.Optional;

/** Books spot after spot and prints each code once its booking is confirmed; the crash test kills it midway. */
public final class BookingLoop {

    private BookingLoop() {
    }

    public static void main(String[] args) {
        BookingService service = new BookingService(JdbcBookingStore.open(args[0]), spot -> Optional.of(Occupancy.FREE),
                Clock.systemUTC());
        for (int spot = 1; ; spot++) {
            Booking b = service.book(spot, "CRASH " + spot, 60);
            System.out.println(b.code());
            System.out.flush();
        }
    }
}
