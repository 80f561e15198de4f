package app.medianest.console.api;

import app.medianest.console.concurrent.Tasks;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.function.Function;

/**
 * The shared part of the console's cursor-paged tables: rows, paging verbs, a busy flag and a one-line
 * message. Subclass view models say which page to load for a cursor; loading runs in the background and the
 * page is applied in one {@code setAll}.
 *
 * @param <T> row type
 */
public class PagedTableModel<T> {
    protected final ApiClient api;
    protected final Tasks tasks;
    private final Function<String, Page<T>> loader;
    private final CursorPager pager = new CursorPager();
    private final ObservableList<T> rows = FXCollections.observableArrayList();
    private final ObservableList<T> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper hasNext = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper hasPrevious = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper pageLabel = new ReadOnlyStringWrapper("page 1");

    /** @param loader loads the page at a cursor (null: first page); blocking, called off the UI thread */
    protected PagedTableModel(ApiClient api, Tasks tasks, Function<String, Page<T>> loader) {
        this.api = api;
        this.tasks = tasks;
        this.loader = loader;
    }

    /** Reloads from the first page (after a filter change). */
    public void refresh() {
        pager.reset();
        load();
    }

    /** Reloads the current page (after an action). */
    public void reload() {
        load();
    }

    public void next() {
        if (pager.forward()) {
            load();
        }
    }

    public void previous() {
        if (pager.back()) {
            load();
        }
    }

    private void load() {
        busy.set(true);
        String cursor = pager.current();
        tasks.run(() -> loader.apply(cursor), page -> {
            busy.set(false);
            pager.loaded(page.nextCursor());
            if (!rows.equals(page.items())) {
                // An unchanged page (the view shown again) costs the table nothing.
                rows.setAll(page.items());
            }
            hasNext.set(pager.hasNext());
            hasPrevious.set(pager.hasPrevious());
            pageLabel.set("page " + pager.pageNumber());
        }, this::failed);
    }

    /** Shows a failure as the message. */
    protected void failed(Throwable e) {
        busy.set(false);
        message.set(e instanceof ApiException a ? a.display() : String.valueOf(e.getMessage()));
    }

    protected void message(String text) {
        message.set(text);
    }

    public ObservableList<T> rows() {
        return rowsView;
    }

    public ReadOnlyBooleanProperty busy() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasNext() {
        return hasNext.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasPrevious() {
        return hasPrevious.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty message() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty pageLabel() {
        return pageLabel.getReadOnlyProperty();
    }
}
