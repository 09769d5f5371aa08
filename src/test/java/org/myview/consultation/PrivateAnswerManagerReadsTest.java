package org.myview.consultation;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/** A trust that wants the reviewing service manager to read private answers too: the words change with it. */
@MicronautTest(transactional = false)
@Property(name = "myview.consultation.private-answer.service-manager-reads", value = "true")
class PrivateAnswerManagerReadsTest extends PrivateAnswerWalk {
    PrivateAnswerManagerReadsTest() {
        super(true);
    }
}
