/** The application module: reads the library module, opens nothing to reflection. */
module com.acme.mod {
    requires com.acme.lib;
}
