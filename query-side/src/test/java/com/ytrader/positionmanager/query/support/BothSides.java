package com.ytrader.positionmanager.query.support;

import com.ytrader.positionmanager.command.CommandSideApplication;
import com.ytrader.positionmanager.query.QuerySideApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The command side's aggregate and the query side in one context: commands in, read models and REST out. */
@SpringBootApplication(scanBasePackageClasses = {CommandSideApplication.class, QuerySideApplication.class})
public class BothSides {
}
