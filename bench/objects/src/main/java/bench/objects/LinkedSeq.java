package bench.objects;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Predicate;

/**
 * Our own doubly linked list: appends and prepends, iteration through an {@link Iterator} whose
 * {@code remove} unlinks the current node, and bulk removal. Not thread-safe, like
 * {@code java.util.LinkedList}: each instance is used by one thread, or under a lock.
 */
final class LinkedSeq<T> implements Iterable<T> {

    private static final class Node<T> {
        private final T value;
        private Node<T> prev;
        private Node<T> next;

        Node(T value) {
            this.value = value;
        }
    }

    private Node<T> head;
    private Node<T> tail;
    private int size;
    private int modCount;

    void addLast(T value) {
        Node<T> node = new Node<>(value);
        if (tail == null) {
            head = node;
        } else {
            tail.next = node;
            node.prev = tail;
        }
        tail = node;
        size++;
        modCount++;
    }

    void addFirst(T value) {
        Node<T> node = new Node<>(value);
        if (head == null) {
            tail = node;
        } else {
            head.prev = node;
            node.next = head;
        }
        head = node;
        size++;
        modCount++;
    }

    T removeFirst() {
        if (head == null) {
            throw new NoSuchElementException();
        }
        Node<T> node = head;
        unlink(node);
        return node.value;
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** Removes every element matching {@code filter}; returns how many. */
    int removeIf(Predicate<? super T> filter) {
        int removed = 0;
        for (Iterator<T> it = iterator(); it.hasNext(); ) {
            if (filter.test(it.next())) {
                it.remove();
                removed++;
            }
        }
        return removed;
    }

    private void unlink(Node<T> node) {
        if (node.prev == null) {
            head = node.next;
        } else {
            node.prev.next = node.next;
        }
        if (node.next == null) {
            tail = node.prev;
        } else {
            node.next.prev = node.prev;
        }
        node.prev = null;
        node.next = null;
        size--;
        modCount++;
    }

    @Override
    public Iterator<T> iterator() {
        return new Iterator<>() {
            private Node<T> next = head;
            private Node<T> last;
            private int expectedModCount = modCount;

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public T next() {
                checkModCount();
                if (next == null) {
                    throw new NoSuchElementException();
                }
                last = next;
                next = next.next;
                return last.value;
            }

            @Override
            public void remove() {
                checkModCount();
                if (last == null) {
                    throw new IllegalStateException();
                }
                unlink(last);
                last = null;
                expectedModCount = modCount;
            }

            private void checkModCount() {
                if (modCount != expectedModCount) {
                    throw new java.util.ConcurrentModificationException();
                }
            }
        };
    }
}
