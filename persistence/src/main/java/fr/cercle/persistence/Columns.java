package fr.cercle.persistence;

import fr.cercle.model.common.InseeCode;
import fr.cercle.persistence.write.JsonValues;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** Conversions between model values and column values that every repository needs. */
public final class Columns {

    private Columns() {
    }

    public static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    /** An enum from its stored name; an unknown name is damaged data, reported as such. */
    public static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new StorageException("Unknown " + type.getSimpleName() + " value in the database: " + value, e);
        }
    }

    public static <E extends Enum<E>> String enumSet(Collection<E> values) {
        return JsonValues.array(values.stream().map(Enum::name).toList());
    }

    public static <E extends Enum<E>> Set<E> enumSet(Class<E> type, String json) {
        EnumSet<E> result = EnumSet.noneOf(type);
        for (String name : JsonValues.strings(json)) {
            result.add(parse(type, name));
        }
        return result;
    }

    public static <T> List<T> list(String json, Function<String, T> parser) {
        return JsonValues.strings(json).stream().map(parser).toList();
    }

    public static String insee(InseeCode code) {
        return code == null ? null : code.value();
    }

    public static InseeCode insee(String value) {
        return value == null ? null : new InseeCode(value);
    }
}
