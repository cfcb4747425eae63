package fr.cercle.app.ui;

import fr.cercle.app.TestApp;
import fr.cercle.model.common.InseeCode;
import fr.cercle.model.commune.Commune;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The commune field as a person types in it, with its suggestions open. */
@ExtendWith(ApplicationExtension.class)
class CommuneFieldTest {

    static final Commune LA_SOUTERRAINE = new Commune(new InseeCode("23176"), "La Souterraine", List.of("23300"), "23",
            "75", "200034338", "CC du Pays Sostranien", 5_000);

    CommuneField field;

    @Start
    void start(Stage stage) {
        field = new CommuneField((typed, found) -> found.accept(List.of(LA_SOUTERRAINE)), "");
        field.node().setId("commune");
        TestApp.show(stage, new VBox(field.node(), new TextField()));
    }

    @Test
    void typingGoesOnInTheFieldWhileTheSuggestionsShow(FxRobot robot) throws Exception {
        robot.clickOn("#commune").write("La");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup(".commune-suggestions").tryQuery().map(n -> n.isVisible()).orElse(false));

        robot.write(" Sout");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(field.node().getText()).isEqualTo("La Sout");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(field.communeProperty().get()).isEqualTo(LA_SOUTERRAINE);
        assertThat(field.node().getText()).isEqualTo("La Souterraine (23300)");
    }
}
