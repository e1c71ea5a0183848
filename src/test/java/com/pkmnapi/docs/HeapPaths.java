package com.pkmnapi.docs;

import java.io.File;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import kotlin.sequences.SequencesKt;
import shark.CloseableHeapGraph;
import shark.GcRoot;
import shark.HeapField;
import shark.HeapGraph;
import shark.HeapObject;
import shark.HprofHeapGraph;
import shark.HprofIndex;

/**
 * What in a heap dump still reaches the class loaders of a class: a breadth-first walk from the
 * garbage collector's roots along every strong and soft reference (a soft one keeps a loader until
 * the heap runs short, so it counts; weak, phantom and finalizer referents do not), read with
 * Square's heap dump reader (shark).
 */
final class HeapPaths {

    private final HeapGraph graph;
    private final Map<Long, Long> parent = new HashMap<>();
    private final Map<Long, String> via = new HashMap<>();

    private HeapPaths(HeapGraph graph) {
        this.graph = graph;
    }

    /**
     * For each class loader that loaded {@code className}: the path that reaches it from a root,
     * or nothing where it is unreachable.
     *
     * @param ignoredFrames threads (by name) whose stack frames are not followed as roots
     */
    static Map<Long, Optional<List<String>>> pathsToLoadersOf(File heap, String className, Predicate<String> ignoredFrames)
            throws Exception {
        try (CloseableHeapGraph graph = HprofHeapGraph.Companion.openHeapGraph(heap, null,
                HprofIndex.Companion.defaultIndexedGcRootTags())) {
            Set<Long> loaders = new HashSet<>();
            for (HeapObject.HeapClass type : SequencesKt.asIterable(graph.getClasses())) {
                if (type.getName().equals(className)) {
                    loaders.add(type.readRecord().getClassLoaderId());
                }
            }
            HeapPaths paths = new HeapPaths(graph);
            paths.walk(ignoredFrames);
            Map<Long, Optional<List<String>>> found = new HashMap<>();
            for (long loader : loaders) {
                found.put(loader, paths.parent.containsKey(loader) ? Optional.of(paths.pathTo(loader)) : Optional.empty());
            }
            return found;
        }
    }

    private void walk(Predicate<String> ignoredFrames) {
        Map<Integer, String> threadNames = new HashMap<>();
        for (GcRoot root : graph.getGcRoots()) {
            if (root instanceof GcRoot.ThreadObject thread && graph.findObjectByIdOrNull(thread.getId()) instanceof HeapObject.HeapInstance instance) {
                threadNames.put(thread.getThreadSerialNumber(), string(instance, "java.lang.Thread", "name"));
            }
        }
        ArrayDeque<Long> queue = new ArrayDeque<>();
        for (GcRoot root : graph.getGcRoots()) {
            String description = root.getClass().getSimpleName();
            if (root instanceof GcRoot.JavaFrame frame) {
                String thread = threadNames.getOrDefault(frame.getThreadSerialNumber(), "?");
                if (ignoredFrames.test(thread)) {
                    continue;
                }
                description += " of thread " + thread;
            }
            if (graph.findObjectByIdOrNull(root.getId()) != null && parent.putIfAbsent(root.getId(), 0L) == null) {
                via.put(root.getId(), "root " + description);
                queue.add(root.getId());
            }
        }
        while (!queue.isEmpty()) {
            long id = queue.poll();
            HeapObject object = graph.findObjectById(id);
            if (object instanceof HeapObject.HeapInstance instance) {
                follow(queue, id, instance.getInstanceClassId(), "its class");
                boolean weak = instance.instanceOf("java.lang.ref.WeakReference") || instance.instanceOf("java.lang.ref.PhantomReference")
                        || instance.instanceOf("java.lang.ref.FinalReference");
                for (HeapField field : SequencesKt.asIterable(instance.readFields())) {
                    if (!(weak && field.getName().equals("referent"))) {
                        follow(queue, id, field.getValue().getAsNonNullObjectId(), field.getDeclaringClass().getName() + "." + field.getName());
                    }
                }
            } else if (object instanceof HeapObject.HeapClass type) {
                for (HeapField field : SequencesKt.asIterable(type.readStaticFields())) {
                    follow(queue, id, field.getValue().getAsNonNullObjectId(), "static " + type.getName() + "." + field.getName());
                }
                follow(queue, id, type.readRecord().getClassLoaderId(), "the loader of " + type.getName());
            } else if (object instanceof HeapObject.HeapObjectArray array) {
                long[] elements = array.readRecord().getElementIds();
                for (int i = 0; i < elements.length; i++) {
                    follow(queue, id, elements[i], "[" + i + "]");
                }
            }
        }
    }

    private void follow(ArrayDeque<Long> queue, long from, Long to, String how) {
        if (to != null && to != 0 && !parent.containsKey(to) && graph.findObjectByIdOrNull(to) != null) {
            parent.put(to, from);
            via.put(to, how);
            queue.add(to);
        }
    }

    private List<String> pathTo(long target) {
        List<String> path = new ArrayList<>();
        for (long at = target; at != 0; at = parent.get(at)) {
            HeapObject object = graph.findObjectById(at);
            String what = object instanceof HeapObject.HeapInstance instance ? instance.getInstanceClassName()
                    : object instanceof HeapObject.HeapClass type ? "class " + type.getName() : object.toString();
            path.add(via.get(at) + " -> " + what);
        }
        Collections.reverse(path);
        return path;
    }

    private static String string(HeapObject.HeapInstance instance, String declaringClass, String field) {
        HeapField value = instance.get(declaringClass, field);
        String text = value == null ? null : value.getValue().readAsJavaString();
        return text == null ? "?" : text;
    }
}
