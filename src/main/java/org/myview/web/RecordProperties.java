package org.myview.web;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import ognl.ObjectPropertyAccessor;
import ognl.OgnlException;
import ognl.OgnlRuntime;
import org.thymeleaf.TemplateEngine;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;

/**
 * Lets the templates read a record's component ({@code ${question.title}}) through its accessor, found once per
 * record class. OGNL 3.3 looks for a bean getter first and, finding none on a record, searches every public method
 * of the class on each read ({@code OgnlRuntime.getReadMethod}, uncached): about 4 % of a question page's request
 * thread (docs/performance.md, "Question page"). Anything that is not a component, and records of the JDK's own
 * packages (which Thymeleaf's restrictions cover), go the usual OGNL way.
 */
@Singleton
final class RecordProperties implements BeanCreatedEventListener<TemplateEngine> {

    @Override
    public TemplateEngine onCreated(BeanCreatedEvent<TemplateEngine> event) {
        // OGNL keeps its accessors per class in one registry for the JVM; this one holds no request's data, only
        // which method reads which component, so every application context may register it again.
        OgnlRuntime.setPropertyAccessor(Record.class, new ComponentAccessor());
        return event.getBean();
    }

    static final class ComponentAccessor extends ObjectPropertyAccessor {

        private final ClassValue<Map<String, Method>> components = new ClassValue<>() {
            @Override
            protected Map<String, Method> computeValue(Class<?> type) {
                return readable(type);
            }
        };

        @Override
        public Object getPossibleProperty(Map context, Object target, String name) throws OgnlException {
            Method accessor = components.get(target.getClass()).get(name);
            if (accessor == null) {
                return super.getPossibleProperty(context, target, name);
            }
            try {
                return accessor.invoke(target);
            } catch (IllegalAccessException e) {
                throw new OgnlException(name, e);
            } catch (InvocationTargetException e) {
                throw new OgnlException(name, e.getCause() instanceof Exception cause ? cause : e);
            }
        }

        /** The components read by their accessor; a component that also has a bean getter keeps OGNL's choice. */
        static Map<String, Method> readable(Class<?> type) {
            Map<String, Method> readable = new HashMap<>();
            String pkg = type.getPackageName();
            if (!type.isRecord() || pkg.startsWith("java.") || pkg.startsWith("javax.") || pkg.startsWith("jdk.")) {
                return readable;
            }
            for (RecordComponent component : type.getRecordComponents()) {
                String name = component.getName();
                String suffix = Character.toUpperCase(name.charAt(0)) + name.substring(1);
                if (hasMethod(type, "get" + suffix) || hasMethod(type, "is" + suffix)) {
                    continue;
                }
                Method accessor = component.getAccessor();
                try {
                    // The record may be package-private (a service's nested result): its public accessor still needs this.
                    accessor.setAccessible(true);
                } catch (RuntimeException e) {
                    continue;
                }
                readable.put(name, accessor);
            }
            return Map.copyOf(readable);
        }

        private static boolean hasMethod(Class<?> type, String name) {
            try {
                type.getMethod(name);
                return true;
            } catch (NoSuchMethodException e) {
                return false;
            }
        }
    }
}
