package org.myview.consultation;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/** As shipped: the private answer is for the child's own reviewing officer alone. */
@MicronautTest(transactional = false)
class PrivateAnswerTest extends PrivateAnswerWalk {
    PrivateAnswerTest() {
        super(false);
    }
}
