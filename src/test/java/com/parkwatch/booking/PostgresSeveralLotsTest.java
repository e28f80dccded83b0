package com.parkwatch.booking;

import com.parkwatch.Databases;

/** Two lots on one real PostgreSQL server, as two boxes share it. */
class PostgresSeveralLotsTest extends SeveralLotsContract {

    @Override
    String url() throws Exception {
        return Databases.postgres();
    }
}
