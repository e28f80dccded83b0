package com.parkwatch.booking;

import com.parkwatch.Databases;

/** The same contract against a real PostgreSQL server, as several kiosks sharing one lot would use. */
class PostgresBookingStoreTest extends BookingStoreContract {

    @Override
    String url() throws Exception {
        return Databases.postgres();
    }
}
