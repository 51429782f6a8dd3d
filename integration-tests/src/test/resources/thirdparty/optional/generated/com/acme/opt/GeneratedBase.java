package com.acme.opt;

/**
 * At run time this class exists only as bytes that the application defines itself (the jar ships
 * them as {@code GeneratedBase.bin}, as Mockito ships its dispatcher): no class file of this name
 * can be found through a class loader.
 */
public abstract class GeneratedBase {
    protected int base;
}
