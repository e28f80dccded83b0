package com.parkwatch.vision.sim;

import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

import java.util.Random;

/** How a car (or a pedestrian) of the simulated lot looks from above, and how it is drawn. */
record Car(double length, double width, Scalar paint, Scalar roof, Scalar glass, Scalar glare, boolean van,
           boolean person) {

    private static final Scalar SHADOW = new Scalar(48, 48, 50);

    static Car random(Random random, Scalar[] paints, int bayWidth, int bayLength) {
        Scalar paint = paints[random.nextInt(paints.length)];
        double shade = 0.85 + random.nextDouble() * 0.3;
        Scalar tinted = new Scalar(paint.val[0] * shade, paint.val[1] * shade, paint.val[2] * shade);
        double glassLevel = 35 + random.nextInt(40);
        boolean van = random.nextDouble() < 0.2;
        double length = bayLength * (van ? 0.80 + random.nextDouble() * 0.06 : 0.68 + random.nextDouble() * 0.16);
        double width = bayWidth * (0.62 + random.nextDouble() * 0.16);
        Scalar roof = new Scalar(tinted.val[0] + 35, tinted.val[1] + 35, tinted.val[2] + 35);
        Scalar glass = new Scalar(glassLevel + 15, glassLevel + 5, glassLevel);
        Scalar glare = new Scalar(glassLevel + 75, glassLevel + 70, glassLevel + 65);
        return new Car(length, width, tinted, roof, glass, glare, van, false);
    }

    static Car pedestrian(Random random) {
        Scalar coat = new Scalar(40 + random.nextInt(180), 40 + random.nextInt(180), 40 + random.nextInt(180));
        return new Car(14, 22, coat, coat, new Scalar(30, 40, 60), coat, false, true);
    }

    /** Draws centred on (cx, cy), the front pointing at the heading (degrees, 0 = right, 90 = down). */
    void draw(Mat image, double cx, double cy, double heading) {
        if (person) {
            Imgproc.ellipse(image, new Point(cx, cy), new Size(width / 2, length / 2), heading + 90, 0, 360, paint, -1,
                    Imgproc.LINE_AA);
            Imgproc.circle(image, new Point(cx, cy), 5, glass, -1, Imgproc.LINE_AA);
            return;
        }
        double a = Math.toRadians(heading);
        double ux = Math.cos(a), uy = Math.sin(a);
        fill(image, cx + 3, cy + 2, ux, uy, -length / 2 - 1, length / 2 + 1, width / 2 + 2, 0.15, SHADOW);
        fill(image, cx, cy, ux, uy, -length / 2, length / 2, width / 2, 0.18, paint);
        double front = length / 2;
        // Seen from above, a roof reflects the sky and glass shows a streak of glare: even a car painted the
        // colour of asphalt stands out.
        fill(image, cx, cy, ux, uy, -front + 0.24 * length, front - 0.42 * length, width / 2 - 5, 0.2, roof);
        fill(image, cx, cy, ux, uy, front - 0.40 * length, front - 0.20 * length, width / 2 - 3, 0.1, glass);
        fill(image, cx, cy, ux, uy, front - 0.33 * length, front - 0.29 * length, width / 2 - 7, 0.1, glare);
        if (!van) {
            fill(image, cx, cy, ux, uy, -front + 0.10 * length, -front + 0.22 * length, width / 2 - 4, 0.1, glass);
        }
        Scalar lights = new Scalar(200, 230, 240);
        Imgproc.circle(image, along(cx, cy, ux, uy, front - 2, width / 2 - 5), 2, lights, -1);
        Imgproc.circle(image, along(cx, cy, ux, uy, front - 2, -width / 2 + 5), 2, lights, -1);
    }

    /** Fills the part of the body between two distances along the heading, corners cut by the given fraction. */
    private static void fill(Mat image, double cx, double cy, double ux, double uy, double from, double to,
                             double halfWidth, double cut, Scalar colour) {
        double c = Math.min(to - from, 2 * halfWidth) * cut;
        Point[] corners = {
                along(cx, cy, ux, uy, from + c, -halfWidth), along(cx, cy, ux, uy, to - c, -halfWidth),
                along(cx, cy, ux, uy, to, -halfWidth + c), along(cx, cy, ux, uy, to, halfWidth - c),
                along(cx, cy, ux, uy, to - c, halfWidth), along(cx, cy, ux, uy, from + c, halfWidth),
                along(cx, cy, ux, uy, from, halfWidth - c), along(cx, cy, ux, uy, from, -halfWidth + c)};
        MatOfPoint polygon = new MatOfPoint(corners);
        Imgproc.fillConvexPoly(image, polygon, colour, Imgproc.LINE_AA);
        polygon.release();
    }

    private static Point along(double cx, double cy, double ux, double uy, double forward, double sideways) {
        return new Point(cx + ux * forward - uy * sideways, cy + uy * forward + ux * sideways);
    }
}
