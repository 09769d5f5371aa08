package org.myview;

import io.micronaut.context.exceptions.BeanContextException;
import io.micronaut.context.exceptions.BeanInstantiationException;
import io.micronaut.context.exceptions.DependencyInjectionException;
import io.micronaut.runtime.Micronaut;
import org.myview.system.DataDirectoryInUseException;

public class Application {

    public static void main(String[] args) {
        Micronaut micronaut = Micronaut.build(args)
                .mainClass(Application.class)
                .banner(false);
        // A second service on the same embedded data directory: one plain sentence, not a stack trace.
        micronaut.mapError(BeanInstantiationException.class, Application::plainIfKnown);
        micronaut.mapError(DependencyInjectionException.class, Application::plainIfKnown);
        micronaut.mapError(BeanContextException.class, Application::plainIfKnown);
        micronaut.mapError(DataDirectoryInUseException.class, Application::plainIfKnown);
        micronaut.start();
    }

    private static Integer plainIfKnown(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataDirectoryInUseException inUse) {
                System.err.println(inUse.getMessage());
                System.exit(1);
            }
        }
        return 1;
    }
}
