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
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * The History dialog's today and this week, from the lot's history: today's occupancy hour by hour, each day of the
 * week's, and a line of figures for each. Read through {@link BackgroundTasks} each time the dialog opens (the FX
 * thread never waits on the database); a history that cannot be read is said in words. Every text follows the
 * kiosk's language, the days' names too.
 */
public final class HistoryViewModel {

    private final HistoryStore history;
    private final BackgroundTasks tasks;
    private final Clock clock;
    private final ZoneId zone;
    private final Texts texts;
    /** The reading shown, told again in a language chosen later. */
    private Reading shown;

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

    public HistoryViewModel(HistoryStore history, BackgroundTasks tasks, Clock clock, ZoneId zone, Texts texts) {
        this.history = history;
        this.tasks = tasks;
        this.clock = clock;
        this.zone = zone;
        this.texts = texts;
        texts.languageProperty().addListener((o, was, is) -> {
            if (shown != null) {
                tell(shown);
            }
        });
    }

    // ---- commands

    /** Reads today and this week again; a reading already under way is let finish. */
    public void load() {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        say("history.reading");
        Instant now = clock.instant();
        tasks.run(() -> read(now), this::show, failure -> {
            busy.set(false);
            say("history.unreadable");
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
        shown = r;
        tell(r);
    }

    private void tell(Reading r) {
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
        todaySummary.set(texts.get("history.today", summary(r.today())));
        weekSummary.set(texts.get("history.week", summary(r.week())));
        if (r.week().observed() == 0) {
            say("history.nothing");
        } else {
            message.unbind();
            message.set("");
        }
    }

    /** A message that follows the language. */
    private void say(String key) {
        message.bind(texts.bind(key));
    }

    /** "63 % occupied, busiest 52 of 72 at 10:40 AM, 140 arrivals (0.9 a bay a day), stays 1 h 20 min, bookings 4 kept, 1 no-show". */
    private String summary(UtilisationReport r) {
        if (r.observed() == 0) {
            return texts.get("history.not.watched");
        }
        StringBuilder s = new StringBuilder(texts.get("history.occupied", Math.round(percent(r.occupancy()))));
        if (r.peak() != null) {
            s.append(texts.get("history.busiest", r.peak().occupied(), r.bays().size(), texts.time(r.peak().at())));
        }
        s.append(r.arrivals() == 1 ? texts.get("history.arrival", r.turnover())
                : texts.get("history.arrivals", r.arrivals(), r.turnover()));
        if (r.averageStay() != null) {
            s.append(texts.get("history.stays", duration(r.averageStay())));
        }
        UtilisationReport.Bookings b = r.bookings();
        if (b.made() + b.kept() + b.noShows() > 0) {
            s.append(b.noShows() == 1 ? texts.get("history.bookings.one", b.kept())
                    : texts.get("history.bookings", b.kept(), b.noShows()));
        }
        return s.toString();
    }

    private String duration(Duration d) {
        long minutes = Math.max(1, Math.round(d.toSeconds() / 60.0));
        return minutes < 60 ? texts.get("since.minutes", minutes) : texts.get("since.hours", minutes / 60, minutes % 60);
    }

    private static double percent(double share) {
        return Math.round(1000 * share) / 10.0;
    }

    private String dayName(LocalDate day) {
        return day.getDayOfWeek().getDisplayName(TextStyle.SHORT, texts.languageProperty().get());
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
