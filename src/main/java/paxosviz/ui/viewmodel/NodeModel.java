package paxosviz.ui.viewmodel;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import paxosviz.core.Ballot;
import paxosviz.core.Role;

/**
 * One node as the views show it, built from events alone: its role, ballot, promise, the
 * leader it follows, how far it applied and how far behind the furthest node it is.
 * Mutated on the FX thread only.
 */
public final class NodeModel {

    private final int index;
    private final ReadOnlyObjectWrapper<Role> role = new ReadOnlyObjectWrapper<>(Role.FOLLOWER);
    private final ReadOnlyBooleanWrapper up = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyObjectWrapper<Ballot> ballot = new ReadOnlyObjectWrapper<>(Ballot.ZERO);
    private final ReadOnlyObjectWrapper<Ballot> promised = new ReadOnlyObjectWrapper<>(Ballot.ZERO);
    private final ReadOnlyIntegerWrapper leader = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyLongWrapper applied = new ReadOnlyLongWrapper(-1);
    private final ReadOnlyLongWrapper behind = new ReadOnlyLongWrapper(0);
    private final ReadOnlyLongWrapper view = new ReadOnlyLongWrapper(-1);

    NodeModel(int index) {
        this.index = index;
    }

    public int index() {
        return index;
    }

    public ReadOnlyObjectProperty<Role> roleProperty() {
        return role.getReadOnlyProperty();
    }

    public Role role() {
        return role.get();
    }

    public ReadOnlyBooleanProperty upProperty() {
        return up.getReadOnlyProperty();
    }

    public boolean isUp() {
        return up.get();
    }

    /** The ballot it campaigns or leads with (for primary/backup: the view). */
    public ReadOnlyObjectProperty<Ballot> ballotProperty() {
        return ballot.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Ballot> promisedProperty() {
        return promised.getReadOnlyProperty();
    }

    /** The node it last heard lead (-1: none known). */
    public ReadOnlyIntegerProperty leaderProperty() {
        return leader.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty appliedProperty() {
        return applied.getReadOnlyProperty();
    }

    public long applied() {
        return applied.get();
    }

    /** How many slots it lags the furthest live node (0 when level). */
    public ReadOnlyLongProperty behindProperty() {
        return behind.getReadOnlyProperty();
    }

    public long behind() {
        return behind.get();
    }

    /** The newest primary/backup view it knows, or -1 (Multi-Paxos, or none yet). */
    public ReadOnlyLongProperty viewProperty() {
        return view.getReadOnlyProperty();
    }

    public long view() {
        return view.get();
    }

    void setView(long value) {
        view.set(value);
    }

    void setRole(Role value) {
        role.set(value);
    }

    void setUp(boolean value) {
        up.set(value);
    }

    void setBallot(Ballot value) {
        ballot.set(value);
    }

    void setPromised(Ballot value) {
        promised.set(value);
    }

    void setLeader(int value) {
        leader.set(value);
    }

    void setApplied(long value) {
        applied.set(value);
    }

    void setBehind(long value) {
        behind.set(value);
    }
}
