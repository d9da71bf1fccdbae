package org.vaml4j.mbrl.device;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.vaml4j.kernel.device.Cuda;
import org.vaml4j.kernel.device.Device;

/** {@link DeviceVagramTrainerTest} on a GPU against the same CPU references, tolerances 20 times wider. */
@Tag("gpu")
class DeviceVagramTrainerGpuTest extends DeviceVagramTrainerTest {

    @BeforeAll
    static void needsCuda() {
        Assumptions.assumeTrue(Cuda.status().usable(), "no usable CUDA: " + Cuda.status().reason());
    }

    @Override
    Device device() {
        return Cuda.open();
    }

    @Override
    double slack() {
        return 20;
    }
}
