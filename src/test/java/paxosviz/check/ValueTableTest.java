package paxosviz.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ValueTableTest {

    @Test
    void equalContentsGetOneIdHoweverTheyWereBuilt() {
        ValueTable values = new ValueTable();
        int ab = values.append(values.of("a"), values.of("b"));
        int abc = values.append(ab, values.of("c"));

        assertThat(values.of("ab")).isEqualTo(ab);
        assertThat(values.append(values.of("a"), values.of("bc"))).isEqualTo(abc);
        assertThat(values.of("abc")).isEqualTo(abc);
        assertThat(values.text(abc)).isEqualTo("abc");
    }

    @Test
    void missingIsNotTheEmptyStringButAppendsLikeIt() {
        ValueTable values = new ValueTable();
        int empty = values.of("");

        assertThat(values.of(null)).isEqualTo(ValueTable.MISSING);
        assertThat(empty).isNotEqualTo(ValueTable.MISSING);
        assertThat(values.append(ValueTable.MISSING, empty)).isEqualTo(empty);
        assertThat(values.append(ValueTable.MISSING, values.of("x"))).isEqualTo(values.of("x"));
        assertThat(values.text(ValueTable.MISSING)).isNull();
    }

    @Test
    void differentContentsGetDifferentIds() {
        ValueTable values = new ValueTable();

        assertThat(values.append(values.of("a"), values.of("b"))).isNotEqualTo(values.append(values.of("b"), values.of("a")));
        assertThat(values.of("ab")).isNotEqualTo(values.of("abc"));
    }

    @Test
    void longAppendChainsStayExactAndCheap() {
        ValueTable values = new ValueTable();
        int value = ValueTable.MISSING;
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            String piece = Integer.toString(i % 7);
            value = values.append(value, values.of(piece));
            expected.append(piece);
        }

        assertThat(values.text(value)).isEqualTo(expected.toString());
        assertThat(values.of(expected.toString())).isEqualTo(value);
    }
}
