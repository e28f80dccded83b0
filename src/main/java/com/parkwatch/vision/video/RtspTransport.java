package com.parkwatch.vision.video;

/**
 * How RTSP media travel. Cameras differ: most take TCP, some offer only UDP and answer 461 to TCP, so AUTO tries
 * TCP (which crosses NAT and loses no packets) and falls back to UDP when the server refuses it.
 */
public enum RtspTransport { AUTO, TCP, UDP }
