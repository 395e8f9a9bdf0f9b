package org.wenshi.portal.system;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/** Spring's R2DBC support over {@link DatabaseAccess}: the SQL client and reactive transactions. */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfig {

    @Bean
    DatabaseClient databaseClient(DatabaseAccess access) {
        return DatabaseClient.create(access);
    }

    @Bean
    R2dbcTransactionManager transactionManager(DatabaseAccess access) {
        return new R2dbcTransactionManager(access);
    }

    @Bean
    TransactionalOperator transactionalOperator(R2dbcTransactionManager transactions) {
        return TransactionalOperator.create(transactions);
    }
}
