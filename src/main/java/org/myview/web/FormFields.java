package org.myview.web;

import io.micronaut.core.beans.BeanIntrospection;
import io.micronaut.core.convert.ConversionContext;
import io.micronaut.core.convert.TypeConverter;
import io.micronaut.core.naming.NameUtils;
import io.micronaut.core.type.Argument;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Binds a posted form to its {@link TextForm} record with every field cleaned here, once: the words as typed
 * without control characters or surrounding spaces ({@link FreeText#field}), and "" for a field the browser did
 * not send (an unticked radio). Micronaut converts a form body (a map) to the {@code @Body} record with this
 * converter, as its target is a {@code TextForm}.
 *
 * <p>A form built in code from values no one typed (a saved row, today's date) needs nothing; one built from
 * raw values (a test, as the browser would post them) goes through {@link #clean}.
 */
@Singleton
public final class FormFields implements TypeConverter<Map<?, ?>, TextForm> {

    @Override
    public Optional<TextForm> convert(Map<?, ?> posted, Class<TextForm> targetType, ConversionContext context) {
        BeanIntrospection<TextForm> form = textForm(targetType);
        for (Argument<?> name : form.getConstructorArguments()) {
            if (sent(posted, name.getName()) instanceof List<?> many) {
                // A browser sends each of these fields once: more is a hand-made request, refused with a 400.
                context.reject(many, new ConversionErrorException(name, new IllegalArgumentException(
                        form.getBeanType().getSimpleName() + "." + name.getName() + " was sent more than once")));
                return Optional.empty();
            }
        }
        return Optional.of(cleaned(form, name -> {
            Object value = sent(posted, name);
            return value == null ? null : value.toString();
        }));
    }

    /** The form as binding it would give: each field cleaned, "" for null. */
    public static <T extends TextForm> T clean(T raw) {
        BeanIntrospection<T> form = textForm(raw.getClass());
        return cleaned(form, name -> (String) form.getRequiredProperty(name, Object.class).get(raw));
    }

    /** A field's posted value: one value, a list when sent more than once, null when not sent. */
    private static Object sent(Map<?, ?> posted, String name) {
        // The date input's parts are posted as "dob-day", which the record calls dobDay.
        Object value = posted.containsKey(name) ? posted.get(name) : posted.get(NameUtils.hyphenate(name));
        return value instanceof List<?> list && list.size() == 1 ? list.get(0) : value;
    }

    private static <T> T cleaned(BeanIntrospection<T> form, Function<String, String> raw) {
        Argument<?>[] names = form.getConstructorArguments();
        Object[] values = new Object[names.length];
        for (int i = 0; i < names.length; i++) {
            values[i] = FreeText.field(raw.apply(names[i].getName()));
        }
        return form.instantiate(values);
    }

    @SuppressWarnings("unchecked")
    private static <T> BeanIntrospection<T> textForm(Class<?> type) {
        BeanIntrospection<T> form = (BeanIntrospection<T>) BeanIntrospection.getIntrospection(type);
        for (Argument<?> field : form.getConstructorArguments()) {
            if (field.getType() != String.class) {
                throw new IllegalArgumentException(type.getSimpleName() + "." + field.getName()
                        + " is not text: a TextForm's fields are all text");
            }
        }
        return form;
    }
}
