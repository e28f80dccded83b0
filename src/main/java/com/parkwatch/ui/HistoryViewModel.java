package com.parkwatch.ui;

import com.parkwatch.booking.HistoryStore;
import com.parkwatch.history.ReportRange;
import com.parkwatch.history.Utilisation;
import com.parkwatch.history.UtilisationReport;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The History dialog's today and this week, from the lot's history: today's occupancy hour by hour, each day of the
 * week's, and a line of figures for each. Read through {@link BackgroundTasks} each time the dialog opens (the FX
 * thread never waits on the database); a history that cannot be read is said in words.
 */
public final class HistoryViewModel {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    private final HistoryStore history;
    private final BackgroundTasks tasks;
    private final Clock clock;
    private final ZoneId zone;

    // ---- properties: the view binds to these
    private final ObservableList<XYChart.Data<Number, Number>> today = FXCollections.observableArrayList();
    private final ObservableList<XYChart.Data<Number, Number>> todayView = FXCollections.unmodifiableObservableList(today);
    private final ObservableList<XYChart.Data<String, Number>> week = FXCollections.observableArrayList();
    private final ObservableList<XYChart.Data<String, Number>> weekView = FXCollections.unmodifiableObservableList(week);
    private final ReadOnlyStringWrapper todaySummary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper weekSummary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();

    /** What one reading of the history gives. */
    private record Reading(UtilisationReport today, List<UtilisationReport> days, UtilisationReport week) {
    }

    public HistoryViewModel(HistoryStore history, BackgroundTasks tasks, Clock clock, ZoneId zone) {
        this.history = history;
        this.tasks = tasks;
        this.clock = clock;
        this.zone = zone;
    }

    // ---- commands

    /** Reads today and this week again; a reading already under way is let finish. */
    public void load() {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        message.set("Reading the history...");
        Instant now = clock.instant();
        tasks.run(() -> read(now), this::show, failure -> {
            busy.set(false);
            message.set("The history cannot be read right now; try again in a moment.");
        });
    }

    /** Off the FX thread: each day of the week so far (today the last), and the week as a whole. */
    private Reading read(Instant now) {
        LocalDate day = now.atZone(zone).toLocalDate();
        LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        List<UtilisationReport> days = new ArrayList<>();
        for (LocalDate d = monday; !d.isAfter(day); d = d.plusDays(1)) {
            Instant end = d.plusDays(1).atStartOfDay(zone).toInstant();
            days.add(report(d.atStartOfDay(zone).toInstant(), end.isAfter(now) ? now : end));
        }
        UtilisationReport week = report(monday.atStartOfDay(zone).toInstant(), now);
        return new Reading(days.get(days.size() - 1), days, week);
    }

    /** A range that may be empty (a day's first millisecond) is one millisecond long. */
    private UtilisationReport report(Instant from, Instant to) {
        return Utilisation.of(history, new ReportRange(from, to.isAfter(from) ? to : from.plusMillis(1)), zone);
    }

    private void show(Reading r) {
        busy.set(false);
        List<XYChart.Data<Number, Number>> hours = new ArrayList<>();
        for (UtilisationReport.Hour h : r.today().hours()) {
            if (h.observed() > 0) {
                ZonedDateTime at = h.start().atZone(zone);
                hours.add(new XYChart.Data<>(at.getHour() + at.getMinute() / 60.0, percent(h.occupancy())));
            }
        }
        today.setAll(hours);
        List<XYChart.Data<String, Number>> days = new ArrayList<>();
        LocalDate monday = r.week().from().atZone(zone).toLocalDate();
        for (int i = 0; i < 7; i++) {
            UtilisationReport d = i < r.days().size() ? r.days().get(i) : null;
            days.add(new XYChart.Data<>(dayName(monday.plusDays(i)), d == null ? 0 : percent(d.occupancy())));
        }
        week.setAll(days);
        todaySummary.set("Today: " + summary(r.today()));
        weekSummary.set("This week: " + summary(r.week()));
        message.set(r.week().observed() == 0 ? "Nothing watched yet this week." : "");
    }

    /** "63 % occupied, busiest 52 of 72 at 10:40, 140 arrivals, 0.9 a bay a day, stays 1 h 20 min, bookings 4 kept, 1 no-show". */
    private String summary(UtilisationReport r) {
        if (r.observed() == 0) {
            return "not watched";
        }
        StringBuilder s = new StringBuilder(Math.round(percent(r.occupancy())) + " % occupied");
        if (r.peak() != null) {
            s.append(", busiest ").append(r.peak().occupied()).append(" of ").append(r.bays().size()).append(" at ")
                    .append(CLOCK.format(r.peak().at().atZone(zone)));
        }
        s.append(", ").append(r.arrivals()).append(r.arrivals() == 1 ? " arrival" : " arrivals")
                .append(String.format(Locale.ROOT, " (%.1f a bay a day)", r.turnover()));
        if (r.averageStay() != null) {
            s.append(", stays ").append(duration(r.averageStay()));
        }
        UtilisationReport.Bookings b = r.bookings();
        if (b.made() + b.kept() + b.noShows() > 0) {
            s.append(", bookings ").append(b.kept()).append(" kept, ").append(b.noShows())
                    .append(b.noShows() == 1 ? " no-show" : " no-shows");
        }
        return s.toString();
    }

    private static String duration(Duration d) {
        long minutes = Math.max(1, Math.round(d.toSeconds() / 60.0));
        return minutes < 60 ? minutes + " min" : minutes / 60 + " h " + minutes % 60 + " min";
    }

    private static double percent(double share) {
        return Math.round(1000 * share) / 10.0;
    }

    private static String dayName(LocalDate day) {
        return day.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
    }

    // ---- read-only properties

    /** Today's occupancy (percent) at each hour watched, the hour of the day as x. */
    public ObservableList<XYChart.Data<Number, Number>> today() {
        return todayView;
    }

    /** Each day of this week (Mon to Sun) and its occupancy in percent; days to come at 0. */
    public ObservableList<XYChart.Data<String, Number>> week() {
        return weekView;
    }

    public ReadOnlyStringProperty todaySummaryProperty() {
        return todaySummary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty weekSummaryProperty() {
        return weekSummary.getReadOnlyProperty();
    }

    /** Reading, nothing watched, or why the history cannot be read; empty once shown. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
