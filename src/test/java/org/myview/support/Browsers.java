package org.myview.support;

import org.myview.support.Browser.Device;

import java.util.EnumMap;
import java.util.Map;

/**
 * The browsers of one test class: one Chromium per device, started the first time a test asks for
 * it and kept for the rest of the class (a start costs about a second; a page, a fraction).
 *
 * <pre>
 * private final Browsers browsers = new Browsers();
 * &#64;AfterAll void closeBrowsers() { browsers.close(); }
 * ... browsers.on(Device.PHONE).open(...)
 * </pre>
 * (with {@code @TestInstance(PER_CLASS)}, so the field lives as long as the class).
 */
public final class Browsers implements AutoCloseable {

    private final Map<Device, Browser> started = new EnumMap<>(Device.class);

    public synchronized Browser on(Device device) {
        return started.computeIfAbsent(device, Device::start);
    }

    @Override
    public synchronized void close() {
        started.values().forEach(Browser::close);
        started.clear();
    }
}
