package com.parkwatch.ui.editor;

import com.parkwatch.ui.KioskLauncher;
import com.parkwatch.watch.LotWatch;
import javafx.scene.Scene;
import org.testfx.api.FxToolkit;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeoutException;

/** The editor of a running lot on the tests' stage, 1600x900, saving to {@code saveTo}. */
final class EditorStage {

    private EditorStage() {
    }

    static LayoutEditor show(LotWatch watch, Path saveTo, List<Path> importFrom) throws TimeoutException {
        LayoutEditor[] editor = new LayoutEditor[1];
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            editor[0] = LayoutEditor.forLot(watch, new SetupOptions(true, saveTo, importFrom), new OffTheFxThread());
            Scene scene = new Scene(editor[0], 1600, 900);
            scene.getStylesheets().add(KioskLauncher.class.getResource("/ui/kiosk.css").toExternalForm());
            stage.setScene(scene);
            stage.show();
        });
        return editor[0];
    }
}
