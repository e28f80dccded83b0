package com.parkwatch.app;

import com.parkwatch.vision.video.RtspTransport;
import picocli.CommandLine.Option;

/** How RTSP media travel: shared by every command that takes --video, the kiosk's included. */
final class RtspTransportOption {

    @Option(names = "--rtsp-transport", paramLabel = "T", defaultValue = "auto",
            description = "For rtsp:// sources: auto (TCP, or UDP when the server refuses TCP), tcp or udp"
                    + " (default: ${DEFAULT-VALUE}).")
    RtspTransport transport;
}
