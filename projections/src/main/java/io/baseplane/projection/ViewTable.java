package io.baseplane.projection;

/**
 * A table of a read model, as the replay tooling needs to know it: to build it anew beside the live one, compare the
 * two, and name, for each row, the aggregate whose events made it.
 *
 * @param name            the table
 * @param aggregateColumn the column holding the id of the aggregate whose events made the row; on a child table
 *                        without it, the column of that name in the {@code parent} row the child belongs to
 * @param parent          null, or the table holding {@code aggregateColumn} for this child table's rows
 * @param parentKey       the column this table and its parent share (null without a parent)
 */
public record ViewTable(String name, String aggregateColumn, String parent, String parentKey) {

    public static ViewTable of(String name, String aggregateColumn) {
        return new ViewTable(name, aggregateColumn, null, null);
    }

    /** A child table whose rows name their aggregate only through the parent row they share {@code key} with. */
    public static ViewTable child(String name, String parent, String key, String aggregateColumn) {
        return new ViewTable(name, aggregateColumn, parent, key);
    }
}
