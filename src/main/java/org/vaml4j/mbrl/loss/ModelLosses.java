package org.vaml4j.mbrl.loss;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The model losses by name (the ids of FEATURES.md's table): {@link #create} builds one from its
 * options, {@link #catalog()} lists them all with their options and defaults (for
 * {@code vaml4j losses}). The one place where names map to classes.
 */
public final class ModelLosses {

    private ModelLosses() {}

    /** One option of a loss: key, default value (as text) and what it means. */
    public record Option(String key, String defaultValue, String doc) {}

    /** A loss as listed: id, one-line description, paper reference, options. */
    public record Info(String id, String description, String reference, boolean needsValues, List<Option> options) {}

    private record Entry(List<Option> options, Function<Options, ModelLoss> make) {}

    private static final Option SCALE = new Option("scale", "1", "weight (alpha) of the value-aware term; the reward MSE stays unscaled");
    private static final Option SAMPLES = new Option("samples", "1", "pathwise model samples per transition for E[V(s_hat)]");
    private static final Option CLIP = new Option("clip", "0.95", "quantile at which the value-gradient norms are clipped, per batch (1 = off)");

    private static final Map<String, Entry> ENTRIES = entries();

    private static Map<String, Entry> entries() {
        Map<String, Entry> m = new LinkedHashMap<>();
        m.put("mle", new Entry(List.of(new Option("bound-penalty", "0.01", "weight of sum(maxLogVar) - sum(minLogVar)")),
                o -> new GaussianNllLoss(o.real("bound-penalty"))));
        m.put("mse", new Entry(List.of(), o -> new MseLoss()));
        m.put("vagram", new Entry(List.of(CLIP, new Option("lambda", "0", "lambda of the lambda*I regularizer"), SCALE),
                o -> new Vagram(o.real("clip"), o.real("lambda"), o.real("scale"))));
        m.put("vagram-taylor", new Entry(List.of(CLIP, SCALE), o -> new VagramTaylor(o.real("clip"), o.real("scale"))));
        m.put("vagram-hessian", new Entry(List.of(CLIP, new Option("m", "1", "Hessian bound M of the second-order term"), SCALE),
                o -> new VagramHessian(o.real("clip"), o.real("m"), o.real("scale"))));
        m.put("itervaml", new Entry(List.of(SAMPLES, SCALE), o -> new IterVaml(o.integer("samples"), o.real("scale"))));
        m.put("itervaml+mse", new Entry(List.of(SAMPLES, SCALE, new Option("lambda", "0.01", "weight of the MSE term")),
                o -> new IterVamlPlusMse(o.integer("samples"), o.real("scale"), o.real("lambda"))));
        m.put("vaml-sac", new Entry(List.of(SAMPLES, SCALE), o -> new VamlSac(o.integer("samples"), o.real("scale"))));
        m.put("ma-l1", new Entry(List.of(SAMPLES, SCALE), o -> new MaL1(o.integer("samples"), o.real("scale"))));
        List<Option> direct = List.of(new Option("gamma", "0.99", "discount of the advantage sum"), SAMPLES,
                new Option("horizon", "200", "trajectory length the sampler provides (every step of the batch is used)"), SCALE);
        m.put("ma-direct-l1", new Entry(direct,
                o -> new MaDirectL1(o.real("gamma"), o.integer("samples"), o.integer("horizon"), o.real("scale"))));
        m.put("ma-direct-l2", new Entry(direct,
                o -> new MaDirectL2(o.real("gamma"), o.integer("samples"), o.integer("horizon"), o.real("scale"))));
        m.put("vps", new Entry(List.of(new Option("main", "ma-l1", "main loss: ma-l1 or itervaml"),
                new Option("scale", "1", "alpha, the weight of the main loss's value term"),
                new Option("lambda", "1e-5", "weight of the smoothness term"), SAMPLES,
                new Option("horizon", "2", "model steps of the smoothness term")), ModelLosses::vps));
        m.put("slbo", new Entry(List.of(new Option("horizon", "2", "model steps")), o -> new Slbo(o.integer("horizon"))));
        m.put("value-weighted", new Entry(List.of(new Option("eps", "1e-3", "added to |V| before inverting"), SCALE),
                o -> new ValueWeighted(o.real("eps"), o.real("scale"))));
        m.put("reg-vaml", new Entry(List.of(
                new Option("alpha", "0:1,10000:1,10000:0.001,60000:0", "MLE coefficient schedule step:value,... over env steps"),
                new Option("samples", "10", "pathwise model samples per transition of the IterVAML term"),
                new Option("bound-penalty", "0.01", "weight of the NLL's log-variance-bound term")),
                o -> new RegVaml(PiecewiseLinear.parse(o.text("alpha")), o.integer("samples"), o.real("bound-penalty"))));
        return m;
    }

    private static ModelLoss vps(Options o) {
        int samples = o.integer("samples");
        float scale = o.real("scale");
        ModelLoss main = switch (o.text("main")) {
            case "ma-l1" -> new MaL1(samples, scale);
            case "itervaml" -> new IterVaml(samples, scale);
            default -> throw new IllegalArgumentException("vps: unknown main loss '" + o.text("main") + "'; accepted: ma-l1, itervaml");
        };
        return new WithVps(main, new Vps(o.integer("horizon")), o.real("lambda"));
    }

    /** Every loss id, in listing order. */
    public static List<String> names() {
        return List.copyOf(ENTRIES.keySet());
    }

    /** The loss with default options. */
    public static ModelLoss create(String name) {
        return create(name, Map.of());
    }

    /**
     * The loss {@code name} with the given options (unlisted options keep their defaults).
     *
     * @throws IllegalArgumentException for an unknown name (the message lists every loss with its
     *         description), an unknown option key (listing the accepted ones) or a bad value
     */
    public static ModelLoss create(String name, Map<String, String> options) {
        Entry e = name == null ? null : ENTRIES.get(name.trim().toLowerCase(java.util.Locale.ROOT));
        if (e == null) throw new IllegalArgumentException("unknown model loss '" + name + "'; accepted:\n" + listing());
        Map<String, String> values = new HashMap<>();
        for (Option opt : e.options()) values.put(opt.key(), opt.defaultValue());
        for (Map.Entry<String, String> kv : options.entrySet()) {
            if (!values.containsKey(kv.getKey())) {
                List<String> keys = new ArrayList<>();
                for (Option opt : e.options()) keys.add(opt.key());
                throw new IllegalArgumentException("model loss '" + name + "': unknown option '" + kv.getKey() + "'; accepted: "
                        + (keys.isEmpty() ? "(none)" : String.join(", ", keys)));
            }
            values.put(kv.getKey(), kv.getValue());
        }
        return e.make().apply(new Options(name, values));
    }

    /** Every loss with its description, reference and options (built from the defaults). */
    public static List<Info> catalog() {
        List<Info> out = new ArrayList<>();
        for (Map.Entry<String, Entry> e : ENTRIES.entrySet()) {
            ModelLoss l = create(e.getKey());
            out.add(new Info(e.getKey(), l.description(), l.reference(), l.needsValues(), e.getValue().options()));
        }
        return out;
    }

    /** One line per loss: {@code id  description  [reference]}. */
    public static String listing() {
        StringBuilder sb = new StringBuilder();
        for (Info i : catalog()) sb.append(String.format("  %-16s %s [%s]%n", i.id(), i.description(), i.reference()));
        return sb.toString();
    }

    /** Typed access to the option texts of one loss. */
    private record Options(String loss, Map<String, String> values) {
        String text(String key) { return values.get(key); }

        float real(String key) {
            try {
                float v = Float.parseFloat(values.get(key).trim());
                if (!Float.isFinite(v)) throw new NumberFormatException();
                return v;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("model loss '" + loss + "': option " + key + " must be a finite number, got '"
                        + values.get(key) + "'");
            }
        }

        int integer(String key) {
            try {
                return Integer.parseInt(values.get(key).trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("model loss '" + loss + "': option " + key + " must be an integer, got '"
                        + values.get(key) + "'");
            }
        }
    }
}
