package fr.cercle.app.circle;

import fr.cercle.app.i18n.I18n;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The circle drawn as a picture: the person in the middle, their helpers around, each with their role
 * and how long ago they were last in touch, coloured by how recent that is (green within a week,
 * amber beyond, red when a planned contact did not happen; the words say it too), and an empty
 * dashed place for each need nobody meets yet. Draws from the view model's rows only.
 */
final class CirclePicture {

    static final double WIDTH = 820;
    static final double HEIGHT = 360;
    private static final double CENTRE_X = WIDTH / 2;
    private static final double CENTRE_Y = 182;
    private static final double RADIUS_X = 300;
    private static final double RADIUS_Y = 112;
    private static final double PERSON = 36;
    private static final double HELPER = 22;
    private static final double LABEL_WIDTH = 170;

    private final CircleViewModel model;
    private final I18n i18n;
    private final Pane pane = new Pane();

    CirclePicture(CircleViewModel model, I18n i18n) {
        this.model = model;
        this.i18n = i18n;
        pane.setId("circlePicture");
        pane.getStyleClass().add("circle-picture");
        pane.setPrefSize(WIDTH, HEIGHT);
        pane.setMinSize(WIDTH, HEIGHT);
        pane.setMaxSize(WIDTH, HEIGHT);
        model.members().addListener((ListChangeListener<CircleViewModel.MemberRow>) c -> draw());
        model.unmet().addListener((ListChangeListener<CircleViewModel.UnmetRow>) c -> draw());
        model.personProperty().addListener((obs, old, now) -> draw());
        draw();
    }

    Node node() {
        StackPane holder = new StackPane(pane);
        holder.setAlignment(Pos.CENTER);
        holder.visibleProperty().bind(model.loadedProperty());
        holder.managedProperty().bind(holder.visibleProperty());
        return holder;
    }

    /** Where a dot stands, and whether its caption goes above it (in the upper part of the ring). */
    private record Place(double x, double y, boolean captionAbove) {
    }

    private void draw() {
        pane.getChildren().clear();
        int count = model.members().size() + model.unmet().size();
        List<Place> places = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            // From the left, clockwise: one helper stands beside the person, two on either side.
            double angle = Math.PI + 2 * Math.PI * i / count;
            places.add(new Place(CENTRE_X + RADIUS_X * Math.cos(angle), CENTRE_Y + RADIUS_Y * Math.sin(angle),
                    Math.sin(angle) < -0.3));
        }
        List<Node> lines = new ArrayList<>();
        List<Node> nodes = new ArrayList<>();
        int i = 0;
        for (CircleViewModel.MemberRow row : model.members()) {
            Place place = places.get(i++);
            String tone = row.recency().name().toLowerCase(Locale.ROOT);
            Line line = new Line(CENTRE_X, CENTRE_Y, place.x(), place.y());
            line.getStyleClass().addAll("circle-link", tone);
            lines.add(line);
            Node dot = dot(initials(row.name()), HELPER, place, "circle-helper", tone);
            dot.setUserData(row);
            nodes.add(dot);
            nodes.add(caption(place, HELPER, List.of(row.name(), firstRole(row), row.lastShort()), tone));
        }
        for (CircleViewModel.UnmetRow row : model.unmet()) {
            Place place = places.get(i++);
            Line line = new Line(CENTRE_X, CENTRE_Y, place.x(), place.y());
            line.getStyleClass().addAll("circle-link", "unmet");
            lines.add(line);
            nodes.add(dot("?", HELPER, place, "circle-helper", "unmet"));
            nodes.add(caption(place, HELPER, List.of(row.label()), "unmet"));
        }
        pane.getChildren().addAll(lines);
        String person = model.personProperty().get() == null ? "" : model.personProperty().get();
        Place centre = new Place(CENTRE_X, CENTRE_Y, false);
        pane.getChildren().add(dot(initials(person), PERSON, centre, "circle-person", "person"));
        pane.getChildren().add(caption(centre, PERSON, List.of(person), "person"));
        pane.getChildren().addAll(nodes);
        if (count == 0) {
            Label none = new Label(i18n.get("circle.picture.alone"));
            none.getStyleClass().add("circle-caption-line");
            none.setLayoutX(CENTRE_X + PERSON + 16);
            none.setLayoutY(CENTRE_Y - 10);
            pane.getChildren().add(none);
        }
    }

    private static String firstRole(CircleViewModel.MemberRow row) {
        String roles = row.roles();
        int cut = roles.indexOf(" (");
        return cut < 0 ? roles : roles.substring(0, cut) + (row.member().needs().size() > 1 ? "…" : "");
    }

    private static Node dot(String text, double radius, Place place, String kind, String tone) {
        Circle disc = new Circle(radius);
        disc.getStyleClass().addAll(kind, tone);
        Label letters = new Label(text);
        letters.getStyleClass().addAll(kind + "-initials", tone);
        StackPane dot = new StackPane(disc, letters);
        dot.getStyleClass().add("circle-dot");
        dot.setLayoutX(place.x() - radius);
        dot.setLayoutY(place.y() - radius);
        dot.setPrefSize(radius * 2, radius * 2);
        return dot;
    }

    private static Node caption(Place place, double radius, List<String> lines, String tone) {
        javafx.scene.layout.VBox box = new javafx.scene.layout.VBox(0);
        box.setAlignment(Pos.TOP_CENTER);
        for (int i = 0; i < lines.size(); i++) {
            Label line = new Label(lines.get(i));
            line.getStyleClass().add(i == 0 ? "circle-caption-name" : "circle-caption-line");
            if (i == lines.size() - 1 && lines.size() > 1) {
                line.getStyleClass().add(tone);
            }
            line.setMaxWidth(LABEL_WIDTH);
            box.getChildren().add(line);
        }
        box.setFillWidth(false);
        box.getStyleClass().add("circle-caption");
        box.setPrefWidth(LABEL_WIDTH);
        box.setLayoutX(place.x() - LABEL_WIDTH / 2);
        // About 17 pixels a line: a caption above ends just over its dot.
        box.setLayoutY(place.captionAbove() ? place.y() - radius - 4 - 17 * lines.size() : place.y() + radius + 2);
        return box;
    }

    /** "Karim Benali" → "KB". */
    static String initials(String name) {
        StringBuilder letters = new StringBuilder();
        for (String word : name.strip().split("[\\s-]+")) {
            if (!word.isEmpty() && letters.length() < 2) {
                letters.appendCodePoint(Character.toUpperCase(word.codePointAt(0)));
            }
        }
        return letters.toString();
    }
}
