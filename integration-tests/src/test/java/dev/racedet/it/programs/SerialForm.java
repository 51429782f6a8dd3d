package dev.racedet.it.programs;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.Serializable;

/**
 * Prints what Java serialization sees of a class with plain fields and no explicit
 * serialVersionUID: its computed UID, its serialized fields, and a round trip. racedet's shadow
 * fields must change none of it.
 */
public final class SerialForm {
    static final class Account implements Serializable {
        String owner = "ada";
        long balance = 42;
        transient int cache = 7;
    }

    public static void main(String[] args) throws Exception {
        ObjectStreamClass form = ObjectStreamClass.lookup(Account.class);
        System.out.println("uid " + form.getSerialVersionUID());
        StringBuilder fields = new StringBuilder("fields");
        for (java.io.ObjectStreamField f : form.getFields()) {
            fields.append(' ').append(f.getName());
        }
        System.out.println(fields);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Account account = new Account();
        account.balance = 100;
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(account);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            Account back = (Account) in.readObject();
            System.out.println("round trip " + back.owner + " " + back.balance + " " + back.cache);
        }
    }
}
