package paxosviz.core;

/** An endpoint of the network: a replica, known by its index, or a client, known by its name. */
public sealed interface Address permits Address.Node, Address.Client {

    record Node(int index) implements Address {
        @Override
        public String toString() {
            return "n" + index;
        }
    }

    record Client(String name) implements Address {
        @Override
        public String toString() {
            return name;
        }
    }

    /** Node addresses are interned for small clusters: they are created on every send. */
    static Node node(int index) {
        return index >= 0 && index < Cache.NODES.length ? Cache.NODES[index] : new Node(index);
    }

    static Client client(String name) {
        return new Client(name);
    }

    final class Cache {
        private static final Node[] NODES = new Node[64];

        static {
            for (int i = 0; i < NODES.length; i++) {
                NODES[i] = new Node(i);
            }
        }

        private Cache() {
        }
    }
}
