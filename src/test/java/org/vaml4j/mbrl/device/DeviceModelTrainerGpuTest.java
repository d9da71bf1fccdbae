package org.vaml4j.mbrl.device;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.vaml4j.kernel.device.Cuda;
import org.vaml4j.kernel.device.Device;

/** {@link DeviceModelTrainerTest} on a GPU against the same CPU references, tolerances 20 times wider (another rounding of exp, log and sums). */
@Tag("gpu")
class DeviceModelTrainerGpuTest extends DeviceModelTrainerTest {

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
