package org.vaml4j.mbrl.device;

import org.vaml4j.kernel.device.Device;
import org.vaml4j.mbrl.ModelFitter;
import org.vaml4j.rl.SacUpdater;
import org.vaml4j.rl.device.DeviceSac;
import org.vaml4j.rl.device.DeviceValueFunctions;

/**
 * MBPO's two device-resident parts on ONE {@link Device}: the SAC updater ({@link DeviceSac}) and
 * the model trainer ({@link DeviceModelTrainer}), so that a value-aware model loss reads the
 * agent's device parameters directly ({@link DeviceValueFunctions}). Give {@link #updaters} and
 * {@link #fitters} to {@code Mbpo}'s constructor; it makes the fitter first, the updater after,
 * so the trainer asks for the value functions when it first trains.
 *
 * <p>Ownership: the device is opened once by the caller and handed over here; the
 * {@link DeviceSac} made by {@link #updaters} owns it and closes it (with every buffer on it, the
 * trainer's included) when it is closed. One set of parts serves one run (one updater).
 */
public final class DeviceMbpoParts {

    private final Device device;
    private final int realCapacity;
    private DeviceSac agent;

    /** Parts on {@code device} whose SAC mirrors a real buffer of {@code realCapacity}. */
    public DeviceMbpoParts(Device device, int realCapacity) {
        if (device == null) throw new IllegalArgumentException("device mbpo: device must not be null");
        this.device = device;
        this.realCapacity = realCapacity;
    }

    public Device device() { return device; }

    /** Makes the one {@link DeviceSac} of this run (it takes ownership of the device). */
    public SacUpdater.Factory updaters() {
        return (sac, seed) -> {
            if (agent != null) throw new IllegalStateException("device mbpo: the parts already made their SAC updater");
            agent = new DeviceSac(device, sac, realCapacity, seed);
            return agent;
        };
    }

    /** Makes the model trainer on the same device (value functions: the updater's, once it exists). */
    public ModelFitter.Factory fitters() {
        return (model, loss, config, kernels) -> new DeviceModelTrainer(new DeviceDynamics(device, model), loss, config,
                this::valueFunctions, kernels);
    }

    private DeviceValueFunctions valueFunctions() {
        if (agent == null) throw new IllegalStateException("device mbpo: the model trainer needs the SAC updater made first");
        return agent.valueFunctions();
    }
}
