package bench.kernels;

/**
 * Ray tracer: a fixed scene of 65 spheres (a 4x4x4 lattice of small ones above a large "floor"
 * sphere) lit by three point lights, rendered with diffuse and specular shading, shadows and
 * reflections into a {@code size} x {@code size} image; the result is a checksum of the pixels.
 *
 * <p>Why it is in the set: the Java Grande "ray tracer" kernel's shape — object-oriented floating
 * point code: small immutable vector objects allocated by the million, their final fields read in
 * every intersection test, and a shared scene (arrays of sphere and light objects) read by every
 * thread. Threads take interleaved image rows (rows differ in cost) and write their pixels into
 * one shared {@code int[]}; the main thread reads it after joining them.
 */
public final class RayTracer {
    private static final int MAX_DEPTH = 3;
    private static final double EPSILON = 1e-6;

    /** An immutable 3-vector, as such renderers write them. */
    static final class Vec {
        final double x;
        final double y;
        final double z;

        Vec(double x, double y, double z) {
            this.x = x;
            this.y = y;
            this.z = z;
        }

        Vec plus(Vec other) {
            return new Vec(x + other.x, y + other.y, z + other.z);
        }

        Vec minus(Vec other) {
            return new Vec(x - other.x, y - other.y, z - other.z);
        }

        Vec times(double factor) {
            return new Vec(x * factor, y * factor, z * factor);
        }

        Vec times(Vec other) {
            return new Vec(x * other.x, y * other.y, z * other.z);
        }

        double dot(Vec other) {
            return x * other.x + y * other.y + z * other.z;
        }

        Vec normalized() {
            return times(1.0 / Math.sqrt(dot(this)));
        }
    }

    static final class Ray {
        final Vec origin;
        final Vec direction;

        Ray(Vec origin, Vec direction) {
            this.origin = origin;
            this.direction = direction;
        }

        Vec at(double t) {
            return origin.plus(direction.times(t));
        }
    }

    static final class Surface {
        final Vec colour;
        final double diffuse;
        final double specular;
        final double shininess;
        final double reflection;

        Surface(Vec colour, double diffuse, double specular, double shininess, double reflection) {
            this.colour = colour;
            this.diffuse = diffuse;
            this.specular = specular;
            this.shininess = shininess;
            this.reflection = reflection;
        }
    }

    static final class Sphere {
        final Vec centre;
        final double radiusSquared;
        final Surface surface;

        Sphere(Vec centre, double radius, Surface surface) {
            this.centre = centre;
            this.radiusSquared = radius * radius;
            this.surface = surface;
        }

        /** Distance along the ray to the nearest hit in front of its origin, or +infinity. */
        double intersect(Ray ray) {
            Vec toCentre = centre.minus(ray.origin);
            double along = toCentre.dot(ray.direction);
            double discriminant = along * along - toCentre.dot(toCentre) + radiusSquared;
            if (discriminant < 0) {
                return Double.POSITIVE_INFINITY;
            }
            double root = Math.sqrt(discriminant);
            double near = along - root;
            if (near > EPSILON) {
                return near;
            }
            double far = along + root;
            return far > EPSILON ? far : Double.POSITIVE_INFINITY;
        }

        Vec normalAt(Vec point) {
            return point.minus(centre).normalized();
        }
    }

    static final class Light {
        final Vec position;
        final double brightness;

        Light(Vec position, double brightness) {
            this.position = position;
            this.brightness = brightness;
        }
    }

    private final int size;
    private final Sphere[] spheres;
    private final Light[] lights;
    private final Vec eye;
    private final int[] pixels;

    RayTracer(int size) {
        this.size = size;
        this.spheres = new Sphere[65];
        int n = 0;
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                for (int k = 0; k < 4; k++) {
                    Vec colour = new Vec(0.3 + 0.2 * i, 0.3 + 0.2 * j, 0.3 + 0.2 * k);
                    Surface surface = new Surface(colour, 0.7, 0.4, 12 + 4 * k, (i + j + k) % 3 == 0 ? 0.4 : 0.1);
                    spheres[n++] = new Sphere(new Vec(-3 + 2 * i, 1 + 2 * j, 3 * k), 0.8, surface);
                }
            }
        }
        spheres[n] = new Sphere(new Vec(0, -1000, 0), 1000, new Surface(new Vec(0.6, 0.6, 0.5), 0.8, 0.1, 4, 0.25));
        this.lights = new Light[] {
            new Light(new Vec(-10, 20, -10), 0.6),
            new Light(new Vec(10, 15, -5), 0.4),
            new Light(new Vec(0, 30, 10), 0.3),
        };
        this.eye = new Vec(0, 4, -14);
        this.pixels = new int[size * size];
    }

    public static void main(String[] args) throws InterruptedException {
        int size = Args.positive(args, 0, 800, "size");
        int threads = Args.threads(args);
        RayTracer tracer = new RayTracer(size);
        tracer.run(threads);
        System.out.printf("result raytracer %016x%n", tracer.checksum());
    }

    void run(int threads) throws InterruptedException {
        Runnable[] workers = new Runnable[threads];
        for (int t = 0; t < threads; t++) {
            int first = t;
            workers[t] = () -> {
                for (int row = first; row < size; row += threads) {
                    renderRow(row);
                }
            };
        }
        Args.runAll("raytracer", workers);
    }

    private void renderRow(int row) {
        double half = size / 2.0;
        for (int column = 0; column < size; column++) {
            // A viewport 8 units wide at distance 10 from the eye, looking along +z and a bit down.
            Vec target = new Vec((column - half) / size * 8.0, 2.0 - (row - half) / size * 8.0, -4);
            Ray ray = new Ray(eye, target.minus(eye).normalized());
            pixels[row * size + column] = pack(trace(ray, 0));
        }
    }

    private Vec trace(Ray ray, int depth) {
        Sphere nearest = null;
        double distance = Double.POSITIVE_INFINITY;
        for (Sphere sphere : spheres) {
            double t = sphere.intersect(ray);
            if (t < distance) {
                distance = t;
                nearest = sphere;
            }
        }
        if (nearest == null) {
            return new Vec(0.1, 0.1, 0.2);
        }
        Vec point = ray.at(distance);
        Vec normal = nearest.normalAt(point);
        return shade(nearest.surface, ray, point, normal, depth);
    }

    private Vec shade(Surface surface, Ray ray, Vec point, Vec normal, int depth) {
        Vec colour = surface.colour.times(0.1);
        for (Light light : lights) {
            Vec toLight = light.position.minus(point);
            double lightDistance = Math.sqrt(toLight.dot(toLight));
            Vec direction = toLight.times(1.0 / lightDistance);
            double cosine = normal.dot(direction);
            if (cosine <= 0 || inShadow(new Ray(point, direction), lightDistance)) {
                continue;
            }
            colour = colour.plus(surface.colour.times(surface.diffuse * cosine * light.brightness));
            Vec halfway = direction.minus(ray.direction).normalized();
            double highlight = Math.pow(Math.max(0.0, normal.dot(halfway)), surface.shininess);
            colour = colour.plus(new Vec(1, 1, 1).times(surface.specular * highlight * light.brightness));
        }
        if (depth < MAX_DEPTH && surface.reflection > 0) {
            Vec reflected = ray.direction.minus(normal.times(2 * ray.direction.dot(normal)));
            Vec bounce = trace(new Ray(point, reflected), depth + 1);
            colour = colour.times(1 - surface.reflection).plus(bounce.times(surface.reflection));
        }
        return colour;
    }

    private boolean inShadow(Ray ray, double lightDistance) {
        for (Sphere sphere : spheres) {
            if (sphere.intersect(ray) < lightDistance) {
                return true;
            }
        }
        return false;
    }

    private static int pack(Vec colour) {
        return channel(colour.x) << 16 | channel(colour.y) << 8 | channel(colour.z);
    }

    private static int channel(double value) {
        return (int) Math.round(Math.min(1.0, Math.max(0.0, value)) * 255.0);
    }

    /** A position-weighted sum of the pixels, in index order. */
    long checksum() {
        long sum = 0;
        for (int i = 0; i < pixels.length; i++) {
            sum = sum * 31 + pixels[i];
        }
        return sum;
    }
}
