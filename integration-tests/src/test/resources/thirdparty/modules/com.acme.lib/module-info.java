/** A library module: exports its package, opens nothing to reflection. */
module com.acme.lib {
    exports com.acme.lib;
}
