package com.parkwatch.lot;

/** A point of a spot's outline, in frame pixels. */
public record Vertex(double x, double y) {
}
